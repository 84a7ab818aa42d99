package dev.herald.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CoreArchitectureTest {

  private final com.tngtech.archunit.core.domain.JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.herald.core");

  /** Packages by feature stay layered: a cycle would make two features one. */
  @Test
  void featurePackagesFormNoCycle() {
    slices().matching("dev.herald.core.(*)..").should().beFreeOfCycles().check(core);
  }

  @Test
  void coreKnowsNothingOfHttp() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..").check(core);
  }

  @Test
  void coreKnowsNoProviderLibrary() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.eatthepath..", "com.google.firebase..", "dev.herald.api..")
        .check(core);
  }

  @Test
  void onlyTheSchemaPackageAndTheTransactorTouchHibernate() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.herald.core.schema..")
        .and()
        .doNotHaveFullyQualifiedName("dev.herald.core.runtime.JtaTransactor")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.hibernate..")
        .check(core);
  }
}
