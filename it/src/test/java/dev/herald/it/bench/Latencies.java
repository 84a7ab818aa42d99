package dev.herald.it.bench;

import java.util.Arrays;

/**
 * Percentiles of measured times (nearest rank). A time that never ended (a request never sent
 * before the run ended, a push that never arrived) is {@link #NEVER}, sorts last, and shows as
 * {@code never}: a percentile that reaches such times says so rather than hiding them.
 */
final class Latencies {

  static final long NEVER = Long.MAX_VALUE;

  private final long[] sortedNanos;

  Latencies(long[] nanos) {
    this.sortedNanos = nanos.clone();
    Arrays.sort(sortedNanos);
  }

  int count() {
    return sortedNanos.length;
  }

  /** The same without the times that never ended. */
  Latencies answered() {
    return new Latencies(Arrays.stream(sortedNanos).filter(n -> n != NEVER).toArray());
  }

  /** The {@code p}-th percentile (0 < p ≤ 100) in nanoseconds, or {@link #NEVER}. */
  long percentile(double p) {
    if (sortedNanos.length == 0) {
      return NEVER;
    }
    var rank = (int) Math.ceil(p / 100 * sortedNanos.length);
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)];
  }

  long max() {
    return percentile(100);
  }

  /** {@code 12.3 ms}, {@code 1.42 s} or {@code never}. */
  static String format(long nanos) {
    if (nanos == NEVER) {
      return "never";
    }
    var millis = nanos / 1e6;
    return millis < 1_000 ? "%.1f ms".formatted(millis) : "%.2f s".formatted(millis / 1e3);
  }

  /** p50 / p99 / max, and how many. */
  String summary() {
    if (sortedNanos.length == 0) {
      return "no samples";
    }
    return "p50 %s, p99 %s, max %s (n = %d)"
        .formatted(
            format(percentile(50)), format(percentile(99)), format(max()), sortedNanos.length);
  }
}
