package dev.herald.core.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Full-jitter exponential backoff: the n-th retry waits a random time between zero and {@code
 * min(cap, base * 2^(n-1))}, but never less than what the service asked for with Retry-After.
 *
 * @param base the first retry's upper bound
 * @param cap the largest wait
 * @param maxAttempts attempts after which a delivery fails with its last reason
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

  public RetryPolicy {
    if (base.isNegative() || cap.compareTo(base) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "Retry policy needs 0 <= base <= cap and maxAttempts >= 1");
    }
  }

  /** Whether a delivery that has made {@code attempts} attempts may make another. */
  public boolean mayRetry(int attempts) {
    return attempts < maxAttempts;
  }

  /** The wait before the next attempt after {@code attempts} attempts. */
  public Duration delay(int attempts, Duration retryAfter) {
    var exponent = Math.min(Math.max(attempts - 1, 0), 30);
    var ceiling = Math.min(cap.toMillis(), base.toMillis() * (1L << exponent));
    var jittered = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
  }
}
