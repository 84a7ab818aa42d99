package dev.herald.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * Every persistence unit that holds Herald's entities names them through {@code
 * META-INF/herald-orm.xml}: an entity missing from it would be unknown to every unit, Herald's
 * WAR's and the hosts' alike, and fail only when first used.
 */
class HeraldMappingFileTest {

  @Test
  void theMappingFileNamesEveryEntityOfCore() throws Exception {
    var entities =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.herald.core")
                .stream()
                .filter(type -> type.isAnnotatedWith(Entity.class))
                .map(JavaClass::getName)
                .toList();

    assertThat(entities).isNotEmpty();
    assertThat(mappedClasses()).containsExactlyInAnyOrderElementsOf(entities);
  }

  private static List<String> mappedClasses() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (var xml = HeraldMappingFileTest.class.getResourceAsStream("/META-INF/herald-orm.xml")) {
      assertThat(xml).as("META-INF/herald-orm.xml on the class path").isNotNull();
      var nodes = factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "entity");
      var classes = new ArrayList<String>();
      for (var i = 0; i < nodes.getLength(); i++) {
        classes.add(nodes.item(i).getAttributes().getNamedItem("class").getNodeValue());
      }
      return classes;
    }
  }
}
