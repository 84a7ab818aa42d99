package dev.herald.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGTERM sent to a real child JVM (what {@code Process.destroy()} sends on Linux), since a test
 * cannot signal its own JVM without ending.
 */
@Timeout(60)
class TermSignalTest {

  @Test
  void theTaskRunsToItsEndBeforeAnyShutdownHookAndTheProcessExitsAsOnSigterm() throws Exception {
    var child = start("trap");

    assertThat(child.stop()).as("exit status").isEqualTo(143);
    assertThat(child.lines()).containsExactly("ready", "drain started", "drain finished", "hook");
  }

  @Test
  void releasedTheSignalGoesStraightToTheJvm() throws Exception {
    var child = start("trap-then-release");

    assertThat(child.stop()).as("exit status").isEqualTo(143);
    assertThat(child.lines()).containsExactly("ready", "hook");
  }

  private static Child start(String mode) throws IOException {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // to a file: Process.destroy() closes the pipes, and what the child says while it stops is
    // what this test is about
    var output = Files.createTempFile("term-signal", ".txt");
    output.toFile().deleteOnExit();
    var process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                TermSignalChild.class.getName(),
                mode)
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    return new Child(process, output);
  }

  private record Child(Process process, Path output) {

    /** Waits until the child is ready, sends it SIGTERM, and gives its exit status. */
    int stop() throws IOException, InterruptedException {
      while (!lines().contains("ready")) {
        assertThat(process.isAlive()).as("child alive, said " + lines()).isTrue();
        Thread.sleep(20);
      }
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
      return process.exitValue();
    }

    List<String> lines() throws IOException {
      return Files.readAllLines(output, StandardCharsets.UTF_8);
    }
  }
}
