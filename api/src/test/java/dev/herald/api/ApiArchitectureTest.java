package dev.herald.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The HTTP layer translates between HTTP and core: it neither stores nor delivers by itself. */
class ApiArchitectureTest {

  private final JavaClasses api =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.herald.api");

  @Test
  void featurePackagesFormNoCycle() {
    slices().matching("dev.herald.api.(*)..").should().beFreeOfCycles().check(api);
  }

  @Test
  void apiReachesTheDatabaseOnlyThroughCore() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.flywaydb..")
        .check(api);
  }

  /** Only the error answers look at database exceptions, to tell an outage from a bug. */
  @Test
  void onlyTheErrorAnswersKnowJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.herald.api.common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..")
        .check(api);
  }

  @Test
  void apiKnowsNoProviderNorTheDeliveryQueue() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.eatthepath..",
            "com.google.firebase..",
            "dev.herald.provider..",
            "dev.herald.core.delivery..")
        .check(api);
  }
}
