package dev.herald.it;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for the background work to make something true, failing with a message when it does not.
 */
final class Eventually {

  private Eventually() {}

  static <T> T await(
      String what, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
    var deadline = System.nanoTime() + timeout.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Timed out after " + timeout + " waiting for " + what + "; last: " + last);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = probe.get();
    }
    return last;
  }
}
