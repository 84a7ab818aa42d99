package dev.herald.core.runtime;

import dev.herald.core.delivery.BatchSender;
import dev.herald.core.delivery.DeliveryMetrics;
import dev.herald.core.delivery.DeliveryQueue;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends the pending deliveries of every live channel: up to {@code batchesInFlight} batches per
 * channel at a time, each on a thread of its own (claim, send, record, complete, then the next
 * batch), so that the database work of one batch overlaps the sending of others and a slow channel
 * never holds up another. One more worker per channel, its lane, claims only deliveries of
 * notifications whose whole audience was one chunk of the fan-out, so that a notification to a few
 * members goes out while every other worker is busy with a broadcast's batches (ADR 0010). Each
 * batch, the lane's too, is an equal share of the provider's batch size, so that the workers of a
 * channel together never hand the provider more than it sends at once: what the lane claims goes
 * out at once instead of queueing inside the provider.
 */
final class DeliveryWorkers {

  private final DeliveryQueue queue;
  private final BatchSender sender;
  private final Duration renewEvery;
  private final Map<String, DeliveryProvider> providers;
  private final Map<String, String> providerIds;
  private final DeliveryMetrics metrics;
  private final Map<String, Semaphore> slots;
  private final Map<String, Semaphore> lanes;
  private final int batchesInFlight;
  private final ExecutorService threads;
  private final ScheduledExecutorService renewals;
  private final Supplier<Boolean> stopped;
  private final Consumer<Runnable> guarded;

  DeliveryWorkers(
      DeliveryQueue queue,
      BatchSender sender,
      Duration lease,
      Map<String, DeliveryProvider> providers,
      int batchesInFlight,
      Supplier<Boolean> stopped,
      Consumer<Runnable> guarded,
      ThreadFactory threadFactory) {
    this(
        queue,
        sender,
        lease,
        providers,
        Map.of(),
        DeliveryMetrics.NONE,
        batchesInFlight,
        stopped,
        guarded,
        threadFactory);
  }

  /**
   * @param providerIds each channel's provider id, the {@code provider} label of its send times
   * @param metrics where each batch's attempts and send time are counted
   */
  DeliveryWorkers(
      DeliveryQueue queue,
      BatchSender sender,
      Duration lease,
      Map<String, DeliveryProvider> providers,
      Map<String, String> providerIds,
      DeliveryMetrics metrics,
      int batchesInFlight,
      Supplier<Boolean> stopped,
      Consumer<Runnable> guarded,
      ThreadFactory threadFactory) {
    this.providerIds = Map.copyOf(providerIds);
    this.metrics = metrics;
    this.queue = queue;
    this.sender = sender;
    // A batch in flight keeps its lease: renewed three times per lease, so only a node that died
    // (or lost the database for a whole lease) lets another node send it again.
    this.renewEvery = lease.dividedBy(3);
    this.providers = Map.copyOf(providers);
    this.slots =
        providers.keySet().stream()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(
                    channel -> channel, channel -> new Semaphore(batchesInFlight)));
    this.lanes =
        providers.keySet().stream()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(
                    channel -> channel, channel -> new Semaphore(1)));
    this.batchesInFlight = batchesInFlight;
    this.stopped = stopped;
    this.guarded = guarded;
    this.threads =
        Executors.newFixedThreadPool(
            Math.max(1, providers.size() * (batchesInFlight + 1)), threadFactory);
    // Lease renewals have a thread of their own: the sending threads wait on providers.
    this.renewals = Executors.newSingleThreadScheduledExecutor(threadFactory);
  }

  /** Starts a worker on every free slot of every channel; called on each poll. */
  void poll() {
    providers.forEach(
        (channel, provider) -> {
          start(lanes.get(channel), channel, provider, true);
          start(slots.get(channel), channel, provider, false);
        });
  }

  private void start(Semaphore free, String channel, DeliveryProvider provider, boolean smallOnly) {
    while (!stopped.get() && free.tryAcquire()) {
      threads.execute(
          () -> {
            try {
              guarded.accept(() -> deliver(channel, provider, smallOnly));
            } finally {
              free.release();
            }
          });
    }
  }

  private void deliver(String channel, DeliveryProvider provider, boolean smallOnly) {
    var size = share(provider.maxBatchSize());
    while (!stopped.get()) {
      var batch = queue.claim(channel, size, smallOnly);
      if (batch.isEmpty()) {
        return;
      }
      var renewal =
          renewals.scheduleAtFixedRate(
              () -> guarded.accept(() -> queue.renew(batch)),
              renewEvery.toMillis(),
              renewEvery.toMillis(),
              TimeUnit.MILLISECONDS);
      List<DeliveryResult> results;
      var began = System.nanoTime();
      try {
        results = sender.send(provider, batch.deliveries(), Instant.now(), smallOnly);
      } finally {
        renewal.cancel(false);
      }
      metrics.sent(
          channel,
          providerIds.getOrDefault(channel, "unknown"),
          batch.size(),
          Duration.ofNanos(System.nanoTime() - began));
      queue.complete(queue.record(batch, results));
    }
  }

  /**
   * The batch size of each of a channel's workers, its lane included: together they hand the
   * provider no more than it sends at once. Larger batches only queued inside the provider (4 ×
   * 1,000 APNs deliveries for 1,000 slots), and a small notification's delivery from the lane
   * waited behind that queue: for seconds, and still 1.2 s at the median when only the lane's batch
   * was whole.
   */
  private int share(int providerBatch) {
    var workers = batchesInFlight + 1;
    return Math.max(1, providerBatch / workers);
  }

  /**
   * Waits up to {@code grace} for the batches in flight to be sent and recorded; returns whether
   * they were.
   */
  boolean drain(Duration grace) throws InterruptedException {
    threads.shutdown();
    var drained = threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    renewals.shutdown();
    return drained;
  }
}
