package dev.herald.it.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Clients sending notifications to the nodes in turn, from a few threads, as fast as they can or at
 * a steady rate. A call that finds its node gone (refused, or no answer) may go to the next node
 * with the same {@code Idempotency-Key}, as a load balancer and a retrying client would; a
 * notification counts as accepted only when a node answered 2xx.
 */
final class Load {

  private final Tenant tenant;
  private final List<HeraldNode> nodes;
  private final IntFunction<Tenant.Notification> notifications;
  private final boolean failover;

  /** Nodes the clients no longer choose first (a stopped node's address, still tried by some). */
  final Set<HeraldNode> avoided = ConcurrentHashMap.newKeySet();

  /** Every notification sent, by marker. */
  final Map<String, Tenant.Notification> sent = new ConcurrentSkipListMap<>();

  /** The notifications a node answered 2xx, by marker. */
  final Set<String> accepted = ConcurrentHashMap.newKeySet();

  /** What each call got, by node: {@code node2 503+Retry-After} and its count. */
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

  /** The first answer body of each failed outcome, to tell whose 500 it was. */
  private final Map<String, String> samples = new ConcurrentSkipListMap<>();

  private final AtomicInteger next = new AtomicInteger();
  private volatile long slowestMillis;

  Load(
      Tenant tenant,
      List<HeraldNode> nodes,
      IntFunction<Tenant.Notification> notifications,
      boolean failover) {
    this.tenant = tenant;
    this.nodes = List.copyOf(nodes);
    this.notifications = notifications;
    this.failover = failover;
  }

  /**
   * Sends up to {@code count} notifications from {@code threads} threads, at {@code perSecond} in
   * all (0: as fast as they go), for at most {@code duration}. Returns when all are sent.
   */
  void run(int threads, int count, double perSecond, Duration duration) {
    var started = System.nanoTime();
    var deadline = started + duration.toNanos();
    var workers = new ArrayList<Thread>();
    for (int t = 0; t < threads; t++) {
      var worker =
          new Thread(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                  if (perSecond > 0) {
                    var due = started + (long) (i * 1e9 / perSecond);
                    var wait = (due - System.nanoTime()) / 1_000_000;
                    if (wait > 0) {
                      HeraldNode.sleep(wait);
                    }
                  }
                  if (System.nanoTime() > deadline) {
                    return;
                  }
                  send(i);
                }
              },
              "load-" + t);
      worker.start();
      workers.add(worker);
    }
    for (var worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  int sentCount() {
    return sent.size();
  }

  private void send(int index) {
    var notification = notifications.apply(index);
    sent.put(notification.marker(), notification);
    var first = index % nodes.size();
    for (int k = 0; k < nodes.size(); k++) {
      var node = nodes.get((first + k) % nodes.size());
      if (k == 0 && avoided.contains(node) && nodes.size() > 1) {
        continue;
      }
      var reply =
          tenant.admin.post(
              node.base,
              tenant.path + "/notifications",
              notification.json(),
              notification.marker());
      outcomes.computeIfAbsent(node.name + " " + reply.outcome(), o -> new LongAdder()).increment();
      slowestMillis = Math.max(slowestMillis, reply.millis());
      if (reply.accepted()) {
        accepted.add(notification.marker());
        return;
      }
      if (reply.body() != null) {
        var body = reply.body().replaceAll("\\s+", " ");
        samples.putIfAbsent(
            node.name + " " + reply.outcome(), body.substring(0, Math.min(160, body.length())));
      }
      var nodeGone = reply.status() == 0 || reply.status() == 503;
      if (!failover || !nodeGone) {
        return;
      }
    }
  }

  /** Calls by node and outcome, e.g. {@code {node1 201=990, node2 refused=10}}. */
  Map<String, Long> outcomes() {
    var sorted = new TreeMap<String, Long>();
    outcomes.forEach((k, v) -> sorted.put(k, v.sum()));
    return sorted;
  }

  /** Calls that got a given outcome on any node ({@code 500}, {@code timeout}, …). */
  long count(String outcome) {
    return outcomes().entrySet().stream()
        .filter(e -> e.getKey().endsWith(" " + outcome))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The first body of each failed outcome, e.g. {@code {node2 500=<html>…}}. */
  Map<String, String> samples() {
    return samples;
  }

  long slowestMillis() {
    return slowestMillis;
  }
}
