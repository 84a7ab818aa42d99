package dev.herald.it.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Head-of-line blocking: while the broadcast is under way, one USR notification every {@code every}
 * to a single member, alternately the one with iOS device 0 and the one with device 1 (Android,
 * unless every device is an iPhone), so that both channels are asked. Each is titled with its
 * sequence number; its latency is from its 201 to the mock server receiving its push ({@link
 * Arrivals#holArrival}).
 */
final class HeadOfLine implements AutoCloseable {

  /** One notification sent: the platform of its device and when its 201 arrived. */
  private record Sent(Arrivals.Platform platform, long nanos) {}

  private final HeraldApi api;
  private final Arrivals arrivals;
  private final Devices devices;
  private final Duration every;
  private final Map<Integer, Sent> sent = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            var thread = new Thread(r, "bench-head-of-line");
            thread.setDaemon(true);
            return thread;
          });

  HeadOfLine(HeraldApi api, Arrivals arrivals, Devices devices, Duration every) {
    this.api = api;
    this.arrivals = arrivals;
    this.devices = devices;
    this.every = every;
  }

  /** How often one is sent. */
  Duration every() {
    return every;
  }

  void start() {
    timer.scheduleAtFixedRate(this::sendOne, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops sending; what was sent may still be on its way. */
  void stop() {
    timer.shutdown();
    try {
      timer.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sendOne() {
    var n = sequence.getAndIncrement();
    var device = n % 2;
    var answer = api.sendNotification(HeraldApi.toOne(Arrivals.HOL + n, Devices.email(device)));
    if (answer.status() == 201) {
      var platform = devices.isIos(device) ? Arrivals.Platform.IOS : Arrivals.Platform.ANDROID;
      sent.put(n, new Sent(platform, answer.nanos()));
    } else {
      refused.incrementAndGet();
    }
  }

  /** Waits until every accepted notification arrived, or {@code timeout}. */
  void awaitArrivals(Duration timeout) {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (missing() > 0 && System.nanoTime() < deadline) {
      Pause.millis(50);
    }
  }

  int accepted() {
    return sent.size();
  }

  int refused() {
    return refused.get();
  }

  long missing() {
    return sent.keySet().stream().filter(n -> arrivals.holArrival(n) == null).count();
  }

  /** From each 201 to its push's arrival, of one platform or (null) of both. */
  Latencies latencies(Arrivals.Platform platform) {
    return new Latencies(
        sent.entrySet().stream()
            .filter(e -> platform == null || e.getValue().platform() == platform)
            .mapToLong(
                e -> {
                  var arrived = arrivals.holArrival(e.getKey());
                  return arrived == null ? Latencies.NEVER : arrived - e.getValue().nanos();
                })
            .toArray());
  }

  /** One notification's latency, and when its 201 came. */
  record Sample(Arrivals.Platform platform, long sentNanos, long latencyNanos) {}

  /** The {@code count} slowest, slowest first; one that never arrived counts as slowest. */
  List<Sample> slowest(int count) {
    return sent.entrySet().stream()
        .map(
            e -> {
              var arrived = arrivals.holArrival(e.getKey());
              return new Sample(
                  e.getValue().platform(),
                  e.getValue().nanos(),
                  arrived == null ? Latencies.NEVER : arrived - e.getValue().nanos());
            })
        .sorted(Comparator.comparingLong(Sample::latencyNanos).reversed())
        .limit(count)
        .toList();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
