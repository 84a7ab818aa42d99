package dev.herald.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The container image is built the way docs/deploy-wildfly.md tells an operator to build and
 * deploy: every RUN command of the Dockerfile is one of that guide's commands, so the two cannot
 * drift apart; the README and each guide link one another.
 */
class ContainerImageTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void everyRunCommandOfTheDockerfileIsInTheWildFlyGuide() throws IOException {
    var guide = normalized(shellBlocks(read("docs/deploy-wildfly.md")));
    var runs = runCommands(read("Dockerfile"));

    assertThat(runs).isNotEmpty();
    for (var run : runs) {
      assertThat(guide).as("RUN %s in docs/deploy-wildfly.md", run).contains(normalized(run));
    }
  }

  @Test
  void theImageRunsTheWildFlyOfTheGuideAndComposeProbesReadiness() throws IOException {
    var version = "39.0.1.Final";

    assertThat(read("Dockerfile")).contains("FROM quay.io/wildfly/wildfly:" + version + "-jdk17");
    assertThat(read("docs/deploy-wildfly.md")).contains("wildfly-dist-" + version + ".zip");
    assertThat(read("compose.yaml"))
        .contains("http://127.0.0.1:8080/v2.0/health/ready")
        .contains("image: postgres:15");
  }

  @Test
  void theReadmeLinksBothGuides() throws IOException {
    assertThat(read("README.md")).contains("(docs/deploy-payara.md)", "(docs/deploy-wildfly.md)");
  }

  /** RUN instructions, continuation lines joined. */
  private static List<String> runCommands(String dockerfile) {
    var runs = new ArrayList<String>();
    var joined = dockerfile.replace("\\\n", " ");
    for (var line : joined.split("\n")) {
      if (line.startsWith("RUN ")) {
        runs.add(line.substring(4));
      }
    }
    return runs;
  }

  /** The text of the ```sh blocks: the commands the guide runs (it/src/guides/try-guide.sh). */
  private static String shellBlocks(String markdown) {
    var blocks = new StringBuilder();
    var inside = false;
    for (var line : markdown.split("\n")) {
      if (!inside && line.equals("```sh")) {
        inside = true;
      } else if (inside && line.startsWith("```")) {
        inside = false;
      } else if (inside) {
        blocks.append(line).append('\n');
      }
    }
    return blocks.toString();
  }

  private static String normalized(String commands) {
    return commands.replace("\\\n", " ").replaceAll("\\s+", " ").trim();
  }

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file));
  }
}
