package dev.herald.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's run command: Payara Micro with Herald's pre-boot commands, on loopback only. */
class RunCommandTest {

  private static final Path PAYARA = Path.of("src/main/payara");

  @Test
  void theRunCommandHasEveryPrebootCommandAndListensOnLoopbackOnly() throws IOException {
    var run = commands("run.asadmin");

    assertThat(run).containsAll(commands("preboot.asadmin"));
    assertThat(run)
        .contains(
            "set configs.config.server-config.network-config.network-listeners"
                + ".network-listener.http-listener.address=127.0.0.1");
  }

  @Test
  void theRunProfileUsesItsOwnCommandsAndNoCluster() throws IOException {
    var pom = Files.readString(Path.of("pom.xml"));

    assertThat(pom)
        .contains("<value>${project.basedir}/src/main/payara/run.asadmin</value>")
        .contains("<key>--nocluster</key>");
  }

  private static List<String> commands(String file) throws IOException {
    return Files.readAllLines(PAYARA.resolve(file)).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .toList();
  }
}
