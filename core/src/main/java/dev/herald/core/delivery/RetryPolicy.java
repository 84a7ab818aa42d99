package dev.herald.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Full-jitter exponential backoff within a budget of time: the n-th retry waits a random time
 * between zero and {@code min(cap, base * 2^(n-1))}, but never less than what the service asked for
 * with Retry-After; a delivery is retried for as long as its next attempt falls within {@code
 * budget} of when it first became due and before it expires, so an outage of minutes or hours is
 * outlasted rather than counted.
 *
 * @param base the first retry's upper bound
 * @param cap the largest wait
 * @param budget how long after it first became due a delivery is still tried
 */
public record RetryPolicy(Duration base, Duration cap, Duration budget) {

  public RetryPolicy {
    if (base.isNegative() || cap.compareTo(base) < 0 || budget.isNegative()) {
      throw new IllegalArgumentException("Retry policy needs 0 <= base <= cap and budget >= 0");
    }
  }

  /** The wait before the next attempt after {@code attempts} attempts. */
  public Duration delay(int attempts, Duration retryAfter) {
    var exponent = Math.min(Math.max(attempts - 1, 0), 30);
    var ceiling = Math.min(cap.toMillis(), base.toMillis() * (1L << exponent));
    var jittered = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
  }

  /**
   * When to try again, or {@code null} to give up: the next attempt would fall past the budget or
   * past the delivery's expiry.
   */
  public Instant nextAttempt(
      Instant now, int attempts, Duration retryAfter, Instant firstDueAt, Instant expiresAt) {
    var next = now.plus(delay(attempts, retryAfter));
    var deadline = firstDueAt.plus(budget);
    if (expiresAt != null && expiresAt.isBefore(deadline)) {
      deadline = expiresAt;
    }
    return next.isAfter(deadline) ? null : next;
  }
}
