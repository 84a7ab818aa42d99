package dev.herald.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.delivery.BatchSender;
import dev.herald.core.delivery.DeliveryMetrics;
import dev.herald.core.delivery.DeliveryQueue;
import dev.herald.core.delivery.RetryPolicy;
import dev.herald.core.delivery.TestDatabase;
import dev.herald.core.delivery.Transactor;
import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A channel's workers on a real database, with a provider that answers after a while. */
@Timeout(120)
class DeliveryWorkersTest {

  private static final int PROVIDER_BATCH = 100;
  private static final int BATCHES_IN_FLIGHT = 4;
  private static final int DELIVERIES = 1_000;

  private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2);
  private Transactor tx;
  private UUID notification;

  @BeforeEach
  void setUp() throws Exception {
    tx = TestDatabase.transactor(TestDatabase.create());
    notification = broadcastWithPendingPushes(DELIVERIES);
  }

  @AfterEach
  void tearDown() {
    answers.shutdownNow();
  }

  @Test
  void theWorkersOfAChannelTogetherNeverHandTheProviderMoreThanItsBatchSize() throws Exception {
    var provider = new SlowProvider();
    var queue =
        new DeliveryQueue(
            tx,
            Clock.systemUTC(),
            "node-a",
            Duration.ofMinutes(2),
            new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMinutes(5)));
    var workers =
        new DeliveryWorkers(
            queue,
            new BatchSender(Duration.ofSeconds(60)),
            Duration.ofMinutes(2),
            Map.of("ios", provider),
            BATCHES_IN_FLIGHT,
            () -> false,
            Runnable::run,
            Executors.defaultThreadFactory());

    while (provider.sent.size() < DELIVERIES) {
      workers.poll();
      Thread.sleep(20);
    }
    assertThat(workers.drain(Duration.ofSeconds(30))).isTrue();

    assertThat(provider.sent).hasSize(DELIVERIES);
    assertThat(provider.sent.values()).allMatch(times -> times.get() == 1);
    assertThat(provider.largestBatch.get())
        .as("each worker's batch")
        .isEqualTo(PROVIDER_BATCH / (BATCHES_IN_FLIGHT + 1));
    assertThat(provider.mostUnderWay.get())
        .as("deliveries with the provider at once, the lane's included")
        .isGreaterThan(PROVIDER_BATCH / (BATCHES_IN_FLIGHT + 1))
        .isLessThanOrEqualTo(PROVIDER_BATCH);
    assertThat(
            tx.<Integer>inTransaction(
                c -> {
                  try (var s =
                      c.prepareStatement(
                          "SELECT COUNT(*) FROM delivery WHERE notification_id = ?"
                              + " AND state = 'DELIVERED'")) {
                    s.setObject(1, notification);
                    try (var rs = s.executeQuery()) {
                      rs.next();
                      return rs.getInt(1);
                    }
                  }
                }))
        .isEqualTo(DELIVERIES);
  }

  @Test
  void theMetricsCountEachDeliveryOnceWithItsLatencyAndEachBatchsSendTime() throws Exception {
    var provider = new SlowProvider();
    var registry = new SimpleMeterRegistry();
    var metrics = new DeliveryMetrics(registry);
    var queue =
        new DeliveryQueue(
            tx,
            Clock.systemUTC(),
            "node-a",
            Duration.ofMinutes(2),
            new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMinutes(5)),
            metrics);
    var workers =
        new DeliveryWorkers(
            queue,
            new BatchSender(Duration.ofSeconds(60)),
            Duration.ofMinutes(2),
            Map.of("ios", provider),
            Map.of("ios", "apns"),
            metrics,
            BATCHES_IN_FLIGHT,
            () -> false,
            Runnable::run,
            Executors.defaultThreadFactory());

    while (provider.sent.size() < DELIVERIES) {
      workers.poll();
      Thread.sleep(20);
    }
    assertThat(workers.drain(Duration.ofSeconds(30))).isTrue();

    assertThat(
            registry
                .get("herald.deliveries")
                .tags("channel", "ios", "outcome", "delivered")
                .counter()
                .count())
        .isEqualTo(DELIVERIES);
    assertThat(registry.find("herald.deliveries").tag("outcome", "failed").counter()).isNull();
    assertThat(registry.get("herald.delivery.attempts").tag("channel", "ios").counter().count())
        .isEqualTo(DELIVERIES);
    var latency = registry.get("herald.delivery.latency").tag("channel", "ios").timer();
    assertThat(latency.count()).isEqualTo(DELIVERIES);
    // The notification was accepted a second before the test began.
    assertThat(latency.mean(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(1_000);
    var sends =
        registry.get("herald.provider.send").tags("channel", "ios", "provider", "apns").timer();
    assertThat(sends.count()).isGreaterThanOrEqualTo(DELIVERIES / PROVIDER_BATCH);
    assertThat(sends.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(20);
  }

  /** Answers every delivery 20 ms after it was handed over, and counts what it holds at once. */
  private final class SlowProvider implements DeliveryProvider {

    final Map<Long, AtomicInteger> sent = new ConcurrentHashMap<>();
    final AtomicInteger underWay = new AtomicInteger();
    final AtomicInteger mostUnderWay = new AtomicInteger();
    final AtomicInteger largestBatch = new AtomicInteger();

    @Override
    public int maxBatchSize() {
      return PROVIDER_BATCH;
    }

    @Override
    public CompletionStage<List<DeliveryResult>> send(List<Delivery> batch) {
      largestBatch.accumulateAndGet(batch.size(), Math::max);
      mostUnderWay.accumulateAndGet(underWay.addAndGet(batch.size()), Math::max);
      batch.forEach(d -> sent.computeIfAbsent(d.id(), id -> new AtomicInteger()).incrementAndGet());
      var answered = new CompletableFuture<List<DeliveryResult>>();
      answers.schedule(
          () -> {
            underWay.addAndGet(-batch.size());
            answered.complete(
                batch.stream()
                    .<DeliveryResult>map(d -> new DeliveryResult.Delivered("m-" + d.id()))
                    .toList());
          },
          20,
          TimeUnit.MILLISECONDS);
      return answered;
    }
  }

  /**
   * {@code count} pending iOS pushes of one notification, already fanned out: a fifth of them with
   * the priority of a notification to a few members (0), which the channel's lane takes too, the
   * rest with that of a broadcast's first chunk (1), which the lane leaves to the other workers.
   */
  private UUID broadcastWithPendingPushes(int count) {
    var id = UUID.randomUUID();
    var now = Timestamp.from(Instant.now().minusSeconds(1));
    tx.inTransaction(
        c -> {
          try (var s = c.createStatement()) {
            s.executeUpdate(
                "INSERT INTO organization (id, name, company_id, created_at)"
                    + " VALUES ('workers', 'Workers', 1, CURRENT_TIMESTAMP)");
          }
          try (var n =
              c.prepareStatement(
                  "INSERT INTO notification (id, organization_id, scope, state, title, body,"
                      + " screen, inputs, channels, sound, start_at, created_at, created_by,"
                      + " updated_at, updated_by, dispatched_at, fanout_done) VALUES (?,"
                      + " 'workers', 'ORG', 'PROCESSING', 't', 'x', 'jig', '{}', 'push', FALSE, ?,"
                      + " ?, 'test', ?, 'test', ?, TRUE)")) {
            n.setObject(1, id);
            for (int i = 2; i <= 5; i++) {
              n.setTimestamp(i, now);
            }
            n.executeUpdate();
          }
          try (var d =
              c.prepareStatement(
                  "INSERT INTO delivery (notification_id, member_id, channel, device_id, target,"
                      + " platform, address, state, attempts, due_at, updated_at, priority)"
                      + " VALUES (?, ?, 'push', ?, ?, 'ios', ?, 'PENDING', 0, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
              var device = UUID.randomUUID();
              d.setObject(1, id);
              d.setObject(2, UUID.randomUUID());
              d.setObject(3, device);
              d.setObject(4, device);
              d.setString(5, "token-" + i);
              d.setTimestamp(6, now);
              d.setTimestamp(7, now);
              d.setShort(8, (short) (i < count / 5 ? 0 : 1));
              d.addBatch();
            }
            d.executeBatch();
          }
          try (var t =
              c.prepareStatement(
                  "INSERT INTO delivery_tally (notification_id, channel, pending, delivered,"
                      + " failed) VALUES (?, 'push', ?, 0, 0)")) {
            t.setObject(1, id);
            t.setInt(2, count);
            t.executeUpdate();
          }
          return null;
        });
    return id;
  }
}
