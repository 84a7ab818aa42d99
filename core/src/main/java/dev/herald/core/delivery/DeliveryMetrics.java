package dev.herald.core.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the queue reports about its work (docs/adr/0018): each delivery's outcome by channel, the
 * attempts handed to providers, each provider's time per batch, and the time from a notification's
 * acceptance to a delivery's success. Counted only after the transaction that recorded the work has
 * committed, so that the counters agree with the database. Channels are provider channels ({@code
 * ios}, {@code android}, {@code email}, {@code inapp}, a third party's): a handful, so the series
 * stay few.
 */
public final class DeliveryMetrics {

  /** Reports to nowhere: for the queue's unit tests, and a node with metrics off. */
  public static final DeliveryMetrics NONE = new DeliveryMetrics(new CompositeMeterRegistry());

  /** What became of one attempt at a delivery, as the {@code outcome} label says it. */
  enum Outcome {
    /** The provider took it. */
    DELIVERED,
    /** Not this time: it is due again later. */
    RETRIED,
    /** Given up: rejected, expired, or out of attempts. */
    FAILED,
    /** The device's token is dead: the device is deactivated, never retried. */
    INVALID_RECIPIENT;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The buckets of the end-to-end latency: from a notification to one member, which the design
   * wants at the provider within a second, to a broadcast's last deliveries a minute later.
   */
  static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2_500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  private final MeterRegistry registry;
  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
  private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
  private final Map<String, Timer> sends = new ConcurrentHashMap<>();
  private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

  public DeliveryMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One batch handed to a provider: its deliveries are attempts, its time the provider's. */
  public void sent(String channel, String provider, int deliveries, Duration took) {
    attempts
        .computeIfAbsent(
            channel,
            c ->
                Counter.builder("herald.delivery.attempts")
                    .description("Deliveries handed to a provider, each attempt counted")
                    .tag("channel", c)
                    .register(registry))
        .increment(deliveries);
    sends
        .computeIfAbsent(
            channel + '\n' + provider,
            k ->
                Timer.builder("herald.provider.send")
                    .description("How long a provider took to answer for one batch")
                    .tag("channel", channel)
                    .tag("provider", provider)
                    .register(registry))
        .record(took);
  }

  /** A delivery's outcome, recorded and committed; a success also times it from acceptance. */
  void settled(String channel, Outcome outcome, Instant createdAt, Instant now) {
    settled(channel, outcome, 1, createdAt, now);
  }

  /**
   * {@code n} deliveries of one notification with the same outcome (the in-app ones of a chunk).
   */
  void settled(String channel, Outcome outcome, long n, Instant createdAt, Instant now) {
    if (n <= 0) {
      return;
    }
    outcomes
        .computeIfAbsent(
            channel + '\n' + outcome.label(),
            k ->
                Counter.builder("herald.deliveries")
                    .description("Delivery attempts by what became of them")
                    .tag("channel", channel)
                    .tag("outcome", outcome.label())
                    .register(registry))
        .increment(n);
    if (outcome == Outcome.DELIVERED && createdAt != null) {
      var latency = latency(channel);
      var took = Duration.between(createdAt, now);
      for (long i = 0; i < n; i++) {
        latency.record(took.isNegative() ? Duration.ZERO : took);
      }
    }
  }

  private Timer latency(String channel) {
    return latencies.computeIfAbsent(
        channel,
        c ->
            Timer.builder("herald.delivery.latency")
                .description(
                    "From a notification's acceptance to its delivery's success at the provider")
                .tag("channel", c)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry));
  }
}
