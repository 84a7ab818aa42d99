package dev.herald.core.runtime;

/** The child JVM of {@link TermSignalTest}: traps SIGTERM, says it is ready, and waits. */
final class TermSignalChild {

  private TermSignalChild() {}

  public static void main(String[] args) throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> say("hook")));
    var signal =
        TermSignal.trap(
            () -> {
              say("drain started");
              sleep(500);
              say("drain finished");
            });
    if (signal == null) {
      say("not trapped");
      return;
    }
    if ("trap-then-release".equals(args[0])) {
      signal.release();
    }
    say("ready");
    Thread.sleep(60_000);
    say("not stopped");
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
