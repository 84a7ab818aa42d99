package dev.herald.core.runtime;

/**
 * Whether this node is shutting down. From the moment the application starts to stop, the API
 * refuses new work with 503 and the background loops take no new work, while what is in flight is
 * finished and recorded.
 */
public final class Lifecycle {

  private static volatile boolean stopping;

  private Lifecycle() {}

  /** {@code true} once the application has begun to stop. */
  public static boolean isStopping() {
    return stopping;
  }

  static void markStopping() {
    stopping = true;
  }
}
