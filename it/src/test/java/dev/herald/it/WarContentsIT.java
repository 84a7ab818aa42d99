package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What the built WAR holds: nothing of the test kit, the test libraries or provided APIs. */
class WarContentsIT {

  @Test
  void theWarCarriesNoTestOnlyJar() throws IOException {
    try (var war = new ZipFile("target/herald.war")) {
      var libraries =
          war.stream()
              .map(ZipEntry::getName)
              .filter(name -> name.startsWith("WEB-INF/lib/"))
              .map(name -> name.substring("WEB-INF/lib/".length()))
              .toList();

      assertThat(libraries).anyMatch(jar -> jar.startsWith("herald-core-"));
      assertThat(libraries)
          .noneMatch(
              jar ->
                  jar.startsWith("herald-testing-")
                      || jar.startsWith("junit-")
                      || jar.startsWith("assertj-")
                      || jar.startsWith("arquillian-")
                      || jar.startsWith("greenmail-")
                      // the OpenAPI annotations are read at build time; the servers have the API
                      || jar.startsWith("microprofile-openapi-api-"));
    }
  }
}
