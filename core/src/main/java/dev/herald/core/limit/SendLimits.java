package dev.herald.core.limit;

import dev.herald.core.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * How many notifications a credential may send per minute, counted in fixed minutes in the database
 * (ADR 0013). The installation's limit is {@value #SETTING}, none by default: counting each request
 * in a transaction of its own costs a busy token's requests a third of their throughput (BENCHMARKS
 * step 14). A token may have a limit of its own.
 */
@ApplicationScoped
public class SendLimits {

  /** The setting that holds the installation's limit. */
  public static final String SETTING = "herald.limit.sends-per-minute";

  /** The installation's limit when the setting is absent: none. */
  public static final int DEFAULT_PER_MINUTE = 0;

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int OPEN_ATTEMPTS = 5;

  @Inject SendWindows windows;

  /** The installation's limit per minute; 0 when limits are off. */
  public int installationLimit() {
    return Math.max(0, Settings.getInt(SETTING, DEFAULT_PER_MINUTE));
  }

  /**
   * Counts one request of a credential against a limit. Empty when it may go ahead; else how many
   * seconds until the minute ends and it may try again. A limit of 0 or less counts nothing.
   */
  public OptionalLong take(String credential, int perMinute) {
    if (perMinute <= 0) {
      return OptionalLong.empty();
    }
    var now = Instant.now();
    var window = now.truncatedTo(ChronoUnit.MINUTES);
    // Concurrent first requests of a minute race to open its window: a loser counts on the
    // winner's row once it is there (seen by the next attempt's UPDATE).
    for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
      if (windows.count(credential, window, perMinute)) {
        return OptionalLong.empty();
      }
      var requests = windows.requests(credential, window);
      if (requests.isPresent() && requests.get() >= perMinute) {
        var left = Duration.between(now, window.plus(WINDOW));
        return OptionalLong.of(Math.max(1, (left.toMillis() + 999) / 1000));
      }
      if (requests.isEmpty()) {
        try {
          windows.open(credential, window);
          return OptionalLong.empty();
        } catch (RuntimeException e) {
          // another request opened it meanwhile
        }
      }
    }
    // Still contended after every attempt: the request goes ahead rather than be refused for a
    // limit it may not have reached.
    return OptionalLong.empty();
  }

  /** Forgets the windows that ended before the previous minute; returns how many. */
  public int purge() {
    return windows.deleteBefore(Instant.now().minus(WINDOW.multipliedBy(2)));
  }
}
