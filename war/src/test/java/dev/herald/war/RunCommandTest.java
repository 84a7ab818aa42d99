package dev.herald.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's run command: Payara Micro with Herald's pre-boot commands, on loopback only, with no
 * other port open, stopped by Ctrl-C without an error.
 */
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
  void theRunProfileUsesItsOwnCommandsNoDataGridAndLeavesCtrlCToPayaraMicro() throws IOException {
    var pom = Files.readString(Path.of("pom.xml"));

    assertThat(pom)
        .contains("<argument>${project.basedir}/src/main/payara/run.asadmin</argument>")
        // no Hazelcast, so no port 6900 on every interface
        .contains("<argument>--nohazelcast</argument>")
        // its output straight to the terminal: nothing relays it, nothing fails when it stops
        .contains("<inheritIo>true</inheritIo>")
        .contains("<successCode>130</successCode>");
  }

  private static List<String> commands(String file) throws IOException {
    return Files.readAllLines(PAYARA.resolve(file)).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .toList();
  }
}
