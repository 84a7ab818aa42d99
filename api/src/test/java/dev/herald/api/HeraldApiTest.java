package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import org.junit.jupiter.api.Test;

class HeraldApiTest {

  /** A host that lists classes gets what a scanning one finds: a resource never without auth. */
  @Test
  void theClassListHoldsEveryResourceAndProviderOfTheApi() {
    var scanned =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.herald.api")
                .stream()
                .filter(
                    type ->
                        type.isAnnotatedWith(Path.class) || type.isAnnotatedWith(Provider.class))
                .map(JavaClass::reflect)
                .toList();

    assertThat(scanned).isNotEmpty();
    assertThat(HeraldApi.classes()).containsExactlyInAnyOrderElementsOf(scanned);
  }
}
