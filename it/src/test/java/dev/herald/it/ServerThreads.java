package dev.herald.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What Herald's threads in the servers this test JVM started are doing, for a test that timed out
 * waiting on them: a wait that never ends shows in the stack that holds it.
 */
final class ServerThreads {

  private ServerThreads() {}

  /** The stacks, per server process, of the threads that are running Herald's code. */
  static String herald() {
    var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .map(p -> p.pid() + ":\n" + heraldStacks(jcmd, p.pid()))
        .collect(Collectors.joining("\n"));
  }

  private static String heraldStacks(String jcmd, long pid) {
    try {
      var process = new ProcessBuilder(jcmd, Long.toString(pid), "Thread.print").start();
      var dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(30, TimeUnit.SECONDS);
      return Arrays.stream(dump.split("\n\n"))
          .filter(stack -> stack.contains("dev.herald"))
          .collect(Collectors.joining("\n\n"));
    } catch (IOException e) {
      return "no thread dump: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "no thread dump: interrupted";
    }
  }
}
