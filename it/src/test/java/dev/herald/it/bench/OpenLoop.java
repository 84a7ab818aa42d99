package dev.herald.it.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load generator, as wrk2 is: request {@code i} is due at {@code start + i / rate}
 * whatever happened to earlier ones, and its latency runs from that due time, not from when it was
 * actually sent. A server that falls behind thus shows its queue in the latencies instead of
 * slowing the generator down (coordinated omission). Requests go out on at most {@code connections}
 * connections at once (Java's HttpClient, HTTP/1.1, asynchronous); a request due while all are busy
 * waits for one, its wait counted. Requests still unsent {@code grace} after the window ends are
 * given up and count as never answered.
 */
final class OpenLoop {

  /** What the run measured; latencies of requests never answered are {@link Latencies#NEVER}. */
  record Result(
      int scheduled,
      long answered,
      long created,
      Map<String, Long> failures,
      Latencies latencies,
      Duration elapsed) {}

  private final HeraldApi api;
  private final double rate;
  private final Duration window;
  private final int connections;
  private final Duration grace;

  OpenLoop(HeraldApi api, double rate, Duration window, int connections, Duration grace) {
    this.api = api;
    this.rate = rate;
    this.window = window;
    this.connections = connections;
    this.grace = grace;
  }

  /** The outcomes of one run's requests, written by the HTTP client's threads. */
  private static final class Outcomes {
    final long[] latencies;
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final LongAdder answered = new LongAdder();
    final LongAdder created = new LongAdder();

    Outcomes(int scheduled) {
      latencies = new long[scheduled];
      Arrays.fill(latencies, Latencies.NEVER);
    }

    void fail(String kind, long count) {
      failures.computeIfAbsent(kind, k -> new LongAdder()).add(count);
    }

    void record(int index, HttpResponse<Void> response, Throwable error, long latency) {
      if (error != null) {
        var cause = error.getCause() != null ? error.getCause() : error;
        fail(
            cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName(),
            1);
        return;
      }
      latencies[index] = latency;
      answered.increment();
      if (response.statusCode() == 201) {
        created.increment();
      } else {
        fail("HTTP " + response.statusCode(), 1);
      }
    }
  }

  /** Sends {@code rate × window} requests, the {@code i}-th with body {@code bodies(i)}. */
  Result run(IntFunction<String> bodies) throws InterruptedException {
    var scheduled = (int) Math.round(rate * window.toNanos() / 1e9);
    var outcomes = new Outcomes(scheduled);
    var free = new Semaphore(connections);
    var callbacks = Executors.newFixedThreadPool(2);
    var http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(callbacks)
            .build();
    var period = 1e9 / rate;
    var start = System.nanoTime();
    var giveUp = start + window.plus(grace).toNanos();
    try {
      for (int i = 0; i < scheduled; i++) {
        var due = start + (long) (i * period);
        var wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        var left = giveUp - System.nanoTime();
        if (left <= 0 || !free.tryAcquire(left, TimeUnit.NANOSECONDS)) {
          outcomes.fail("never sent", scheduled - i);
          break;
        }
        var index = i;
        http.sendAsync(
                api.notificationRequest(bodies.apply(i), Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.discarding())
            .whenComplete(
                (response, error) -> {
                  try {
                    outcomes.record(index, response, error, System.nanoTime() - due);
                  } finally {
                    // after recording: taking every connection back then sees every record
                    free.release();
                  }
                });
      }
      // every connection back means every answer is in (or timed out)
      free.tryAcquire(connections, 30, TimeUnit.SECONDS);
    } finally {
      callbacks.shutdownNow();
    }
    var failures = new TreeMap<String, Long>();
    outcomes.failures.forEach((kind, n) -> failures.put(kind, n.sum()));
    return new Result(
        scheduled,
        outcomes.answered.sum(),
        outcomes.created.sum(),
        failures,
        new Latencies(outcomes.latencies),
        Duration.ofNanos(System.nanoTime() - start));
  }
}
