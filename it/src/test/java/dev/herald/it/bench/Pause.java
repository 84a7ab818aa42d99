package dev.herald.it.bench;

/** Sleeping in the benchmark's loops: an interrupt ends the run rather than being swallowed. */
final class Pause {

  private Pause() {}

  static void millis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Benchmark interrupted", e);
    }
  }
}
