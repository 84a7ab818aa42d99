package dev.herald.core.inbox;

import dev.herald.core.config.Settings;
import java.time.Duration;
import java.time.Instant;

/**
 * How late an inbox item may become visible after the moment its notification was dispatched (its
 * {@code created_at}): the longest fan-out transaction plus the clock difference between nodes. The
 * live feed and the resume of a stream look back this far, so that an item with a lower id that
 * commits after a higher one still reaches its member (ADR 0007).
 */
public final class LateCommits {

  static final Duration WINDOW = Settings.getMillis("herald.inbox.late-commit-ms", 30_000);

  /** The window itself: how far back the live feed and a resume look. */
  public static Duration window() {
    return WINDOW;
  }

  private LateCommits() {}

  /** The earliest {@code created_at} of an item that may still be news at {@code now}. */
  static Instant since(Instant now) {
    return now.minus(WINDOW);
  }
}
