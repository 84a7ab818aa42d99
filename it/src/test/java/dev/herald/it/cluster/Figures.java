package dev.herald.it.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a test measured, counted at the receiving servers: of the deliveries that accepted
 * notifications owe, how many arrived, how many never did (lost), and how many arrived more than
 * once (duplicates, per channel).
 */
record Figures(
    int sent,
    int accepted,
    int expected,
    int delivered,
    List<Receivers.Key> lost,
    Map<String, Integer> duplicates,
    int unconfirmedDelivered,
    Duration drained) {

  static Figures of(Load load, Map<Receivers.Key, Integer> received) {
    var lost = new ArrayList<Receivers.Key>();
    int expected = 0;
    for (var marker : load.accepted) {
      for (var key : load.sent.get(marker).expected()) {
        expected++;
        if (received.getOrDefault(key, 0) == 0) {
          lost.add(key);
        }
      }
    }
    var duplicates = new TreeMap<String, Integer>();
    int unconfirmed = 0;
    for (var entry : received.entrySet()) {
      var key = entry.getKey();
      if (!load.sent.containsKey(key.marker())) {
        continue; // not this test's
      }
      if (entry.getValue() > 1) {
        duplicates.merge(key.channel(), entry.getValue() - 1, Integer::sum);
      }
      if (!load.accepted.contains(key.marker())) {
        unconfirmed++;
      }
    }
    return new Figures(
        load.sentCount(),
        load.accepted.size(),
        expected,
        expected - lost.size(),
        lost,
        duplicates,
        unconfirmed,
        Duration.ZERO);
  }

  int duplicateCount() {
    return duplicates.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Waits until every delivery accepted notifications owe has arrived or {@code timeout} passes,
   * then {@code settle} longer, so that late duplicates (a lease running out) are counted too.
   */
  static Figures awaitDrain(Load load, Receivers receivers, Duration timeout, Duration settle) {
    var started = System.nanoTime();
    var deadline = started + timeout.toNanos();
    var figures = of(load, receivers.received());
    while (!figures.lost.isEmpty() && System.nanoTime() < deadline) {
      HeraldNode.sleep(500);
      figures = of(load, receivers.received());
    }
    var drained = Duration.ofNanos(System.nanoTime() - started);
    HeraldNode.sleep(settle.toMillis());
    var last = of(load, receivers.received());
    return new Figures(
        last.sent,
        last.accepted,
        last.expected,
        last.delivered,
        last.lost,
        last.duplicates,
        last.unconfirmedDelivered,
        drained);
  }

  /** The one line a test prints. */
  String line(String test, Load load, String more) {
    return "[fault] %s: sent=%d accepted=%d owed=%d delivered=%d lost=%d duplicates=%d %s unconfirmed-but-delivered=%d calls=%s slowest-call=%dms drained-in=%.1fs %s%s"
            .formatted(
                test,
                sent,
                accepted,
                expected,
                delivered,
                lost.size(),
                duplicateCount(),
                duplicates,
                unconfirmedDelivered,
                load.outcomes(),
                load.slowestMillis(),
                drained.toMillis() / 1000.0,
                more,
                lost.isEmpty() ? "" : " first-lost=" + lost.subList(0, Math.min(5, lost.size())))
        + (load.samples().isEmpty()
            ? ""
            : "%n[fault] %s answers: %s".formatted(test, load.samples()));
  }
}
