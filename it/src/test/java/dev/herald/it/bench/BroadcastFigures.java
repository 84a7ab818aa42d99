package dev.herald.it.bench;

import static dev.herald.it.bench.BenchmarkIT.perSecond;
import static dev.herald.it.bench.BenchmarkIT.rate;
import static dev.herald.it.bench.BenchmarkIT.seconds;

import dev.herald.it.bench.Arrivals.Phase;
import dev.herald.it.bench.Arrivals.Platform;

/** The broadcast's figures: times from its 201, rates per channel against the ceiling, CPU. */
final class BroadcastFigures {

  private BroadcastFigures() {}

  static void report(Report report, BenchConfig config, Arrivals arrivals, Broadcast.Result r) {
    var ios = arrivals.tally(Platform.IOS, Phase.BROADCAST);
    var android = arrivals.tally(Platform.ANDROID, Phase.BROADCAST);
    var first = Math.min(ios.first(), android.first());
    report.figure(
        "201 → first push",
        first == Long.MAX_VALUE ? "none arrived" : seconds(first - r.accepted()),
        "first push of the broadcast at either mock");
    if (!r.complete()) {
      report.figure(
          "devices reached",
          "%,d of %,d"
              .formatted(
                  arrivals.broadcastDistinct(Platform.IOS)
                      + arrivals.broadcastDistinct(Platform.ANDROID),
                  config.devices().count()),
          "**incomplete** after " + config.timeout().toSeconds() + " s");
      return;
    }
    var lastDevice =
        Math.max(
            arrivals.broadcastCompleteAt(Platform.IOS),
            arrivals.broadcastCompleteAt(Platform.ANDROID));
    report.figure(
        "201 → every device received",
        seconds(lastDevice - r.accepted()),
        "the last device's first push, at the mocks");
    report.figure(
        "201 → every delivery terminal",
        r.terminal() == 0 ? "not within the timeout" : seconds(r.terminal() - r.accepted()),
        "GET …/notifications/{id}: pending = 0, polled every 250 ms once the mocks had all");
    report.figure(
        "deliveries/s, overall",
        rate(perSecond(config.devices().count(), r.accepted(), lastDevice)),
        "devices ÷ (201 → every device received)");
    channel(report, arrivals, r, Platform.IOS, "iOS (APNs)", "raw pushy");
    if (arrivals.expected(Platform.ANDROID) > 0) {
      channel(report, arrivals, r, Platform.ANDROID, "Android (FCM)", "raw firebase-admin");
    }
    report.figure(
        "duplicates",
        "%,d".formatted(arrivals.broadcastDuplicates()),
        "broadcast pushes beyond the first per device");
    repeats(report, arrivals, r);
    if (r.counters() != null) {
      report.figure(
          "API counters at the end",
          "delivered %,d, failed %,d, pending %,d"
              .formatted(
                  r.counters().getJsonNumber("delivered").longValue(),
                  r.counters().getJsonNumber("failed").longValue(),
                  r.counters().getJsonNumber("pending").longValue()),
          "push and in-app deliveries (in-app ones are terminal when written)");
    }
    cpu(report, "Herald CPU", r.cpu().herald(), config.devices().count(), "the node's JVM");
    cpu(
        report,
        "PostgreSQL CPU, benchmark database",
        r.cpu().postgresDatabase(),
        config.devices().count(),
        "backends connected to the benchmark's database");
    cpu(
        report,
        "PostgreSQL CPU, all processes",
        r.cpu().postgres(),
        config.devices().count(),
        "with background writers, and any other database's work on this machine");
    report.figure("machine", r.cpu().shares(), "from the POST to all terminal");
  }

  private static void channel(
      Report report,
      Arrivals arrivals,
      Broadcast.Result r,
      Platform platform,
      String name,
      String raw) {
    var tally = arrivals.tally(platform, Phase.BROADCAST);
    var complete = arrivals.broadcastCompleteAt(platform);
    var herald = perSecond(arrivals.expected(platform), tally.first(), complete);
    report.figure(
        "deliveries/s, " + name,
        rate(herald),
        "first to last device of the channel; 201 → all: " + seconds(complete - r.accepted()));
    var ceiling = arrivals.tally(platform, Phase.CEILING);
    var ratio = herald / perSecond(ceiling.received(), ceiling.first(), ceiling.last());
    report.figure(
        name + " ÷ " + raw,
        Double.isNaN(ratio) ? "n/a" : "%.2f".formatted(ratio),
        "Herald's rate on the channel as a share of the ceiling's, same run");
  }

  /** When repeated pushes arrived: tells a lost answer (early first copy) from a stuck send. */
  private static void repeats(Report report, Arrivals arrivals, Broadcast.Result r) {
    for (var platform : Platform.values()) {
      var repeats = arrivals.repeats().stream().filter(x -> x.platform() == platform).toList();
      if (repeats.isEmpty()) {
        continue;
      }
      // a second copy recorded before its first has no first time to measure from
      var paired = repeats.stream().filter(x -> x.first() != 0).toList();
      var firsts =
          new Latencies(paired.stream().mapToLong(x -> x.first() - r.accepted()).toArray());
      var gaps = new Latencies(paired.stream().mapToLong(x -> x.again() - x.first()).toArray());
      var agains =
          new Latencies(repeats.stream().mapToLong(x -> x.again() - r.accepted()).toArray());
      report.figure(
          "repeated pushes, " + platform.name(),
          "%,d".formatted(repeats.size()),
          "first copies %s–%s after the 201 (median %s); second copies %s–%s; gap median %s, max %s"
              .formatted(
                  Latencies.format(firsts.percentile(0.001)),
                  Latencies.format(firsts.max()),
                  Latencies.format(firsts.percentile(50)),
                  Latencies.format(agains.percentile(0.001)),
                  Latencies.format(agains.max()),
                  Latencies.format(gaps.percentile(50)),
                  Latencies.format(gaps.max())));
    }
  }

  private static void cpu(Report report, String name, double seconds, int devices, String what) {
    report.figure(
        name,
        "%.3f CPU-s per 1,000 deliveries".formatted(seconds * 1_000 / devices),
        "%.1f CPU-s from the POST to all terminal; %s".formatted(seconds, what));
  }
}
