package dev.herald.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.it.cluster.HeraldNode;
import dev.herald.it.cluster.TestDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's benchmark, one run of every phase against one Herald node (see the package
 * documentation and docs/BENCHMARKS.md). It reports; the only things it fails on are lost
 * deliveries: a device that never got the broadcast, a head-of-line notification that never
 * arrived. Every process and server it starts is stopped however the run ends.
 */
class BenchmarkIT {

  private static final String ORGANIZATION = "bench";

  private final BenchConfig config = BenchConfig.fromSystemProperties();
  private final Report report = new Report();
  private final Arrivals arrivals = new Arrivals(config.devices());
  private final List<String> lost = new ArrayList<>();

  @Test
  void broadcastHeadOfLineAndApiLatency() throws Exception {
    var database =
        TestDatabase.postgres()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The benchmark runs on PostgreSQL: use it/bench.sh, or pass"
                            + " -Dherald.test.db.url=jdbc:postgresql://… and its user/password"));
    var url = database.freshSchema("bench");
    var machine = Machine.describe(url, database.user(), database.password());
    var dir = config.out().resolve("run-" + config.devices().label());
    Files.createDirectories(dir);
    var gcLog = dir.resolve("gc.log");
    Files.deleteIfExists(gcLog);
    List<String> nodeOptions = List.of();
    try (var apns = ApnsMock.start(config.keys(), arrivals);
        var fcm = FcmFake.start(arrivals)) {
      nodeOptions =
          NodeSettings.of(
              url, database.user(), database.password(), config.keys(), gcLog, apns.port, fcm.port);
      var launched = System.nanoTime();
      try (var node = HeraldNode.start("herald", dir, nodeOptions)) {
        node.awaitReady(NodeSettings.SYSTEM_TOKEN, Duration.ofMinutes(5));
        report.phase("set-up");
        report.figure("node start", seconds(System.nanoTime() - launched), "launch to API ready");
        try (var sampler = ProcSampler.start(node.pid(), databaseName(url))) {
          var api = HeraldApi.organization(node.base, NodeSettings.SYSTEM_TOKEN, ORGANIZATION);
          seed(url, database);
          ceiling(apns.port, fcm.port, sampler);
          var statements = Statements.of(url, database.user(), database.password());
          var broadcastWindow = broadcast(api, sampler, node, launched, statements);
          Retries.report(report, url, database.user(), database.password());
          var apiWindow = broadcastWindow == null ? null : apiLatency(api, sampler, launched);
          memory(sampler, gcLog, broadcastWindow, apiWindow);
        }
        // SIGTERM rather than the kill of close(): a flight recording (bench.node.options) is
        // written as the JVM exits
        node.stop(Duration.ofSeconds(60));
      }
    } catch (Exception | Error e) {
      report.stoppedBy(e);
      throw e;
    } finally {
      var markdown = report.render(config, machine, nodeOptions);
      var file = report.write(config.out(), config.devices().label(), markdown);
      System.out.println(markdown);
      System.out.println("[bench] results written to " + file.toAbsolutePath());
    }
    assertThat(lost).as("deliveries lost").isEmpty();
  }

  private void seed(String url, TestDatabase database) {
    var took =
        Seeder.seed(url, database.user(), database.password(), ORGANIZATION, config.devices());
    report.figure(
        "devices seeded",
        "%,d (%,d iOS, %,d Android)"
            .formatted(
                config.devices().count(),
                config.devices().iosCount(),
                config.devices().androidCount()),
        "one member and one device each, by SQL, in " + seconds(took.toNanos()));
  }

  /** Raw pushy, then raw firebase-admin, each alone, to the same servers and devices. */
  private void ceiling(int apnsPort, int fcmPort, ProcSampler sampler) throws Exception {
    report.phase("ceiling");
    var before = sampler.snapshot();
    var apns = RawApns.run(config.keys(), apnsPort, config.devices());
    var between = sampler.snapshot();
    report.figure(
        "raw pushy, iOS",
        rate(tallyRate(Arrivals.Platform.IOS, Arrivals.Phase.CEILING)),
        "%,d accepted; received/s at the mock, first to last; %s"
            .formatted(apns, between.minus(before).shares()));
    if (config.devices().androidCount() == 0) {
      return;
    }
    var fcm = RawFcm.run(fcmPort, config.devices());
    report.figure(
        "raw firebase-admin, Android",
        rate(tallyRate(Arrivals.Platform.ANDROID, Arrivals.Phase.CEILING)),
        "%,d accepted; received/s at the fake, first to last; %s"
            .formatted(fcm, sampler.snapshot().minus(between).shares()));
  }

  /** The broadcast with head-of-line notifications beside it; its nanoTime window, or null. */
  private long[] broadcast(
      HeraldApi api, ProcSampler sampler, HeraldNode node, long launched, Statements statements) {
    report.phase("broadcast");
    Broadcast.Result result;
    statements.reset();
    try (var headOfLine =
        new HeadOfLine(api, arrivals, config.devices(), config.headOfLineEvery())) {
      result = Broadcast.run(api, arrivals, sampler, headOfLine, config.timeout(), node::isAlive);
      headOfLine.awaitArrivals(Duration.ofMinutes(1));
      BroadcastFigures.report(report, config, arrivals, result);
      HeadOfLineFigures.report(report, headOfLine, result.accepted());
      statements.report(report);
      if (headOfLine.missing() > 0) {
        lost.add(headOfLine.missing() + " head-of-line notifications never arrived");
      }
    }
    if (!result.complete()) {
      lost.add(
          "broadcast: %,d of %,d devices never received it before %s"
              .formatted(
                  config.devices().count()
                      - arrivals.broadcastDistinct(Arrivals.Platform.IOS)
                      - arrivals.broadcastDistinct(Arrivals.Platform.ANDROID),
                  config.devices().count(),
                  node.isAlive()
                      ? "the timeout (" + config.timeout().toSeconds() + " s)"
                      : "the node ended (see its log)"));
      return null;
    }
    var end = result.terminal() != 0 ? result.terminal() : System.nanoTime();
    return new long[] {result.accepted() - launched, end - launched};
  }

  /** POST …/notifications at a fixed rate; its nanoTime window since launch. */
  private long[] apiLatency(HeraldApi api, ProcSampler sampler, long launched)
      throws InterruptedException {
    report.phase("API latency");
    var before = sampler.snapshot();
    var start = System.nanoTime();
    var result =
        new OpenLoop(api, config.apiRate(), config.apiWindow(), 100, Duration.ofSeconds(30))
            .run(i -> HeraldApi.toOne(Arrivals.API, Devices.email(i % config.devices().count())));
    var end = System.nanoTime();
    var cpu = sampler.snapshot().minus(before);
    ApiFigures.report(report, config, result, cpu);
    var deadline = System.nanoTime() + config.drain().toNanos();
    while (arrivals.received(Arrivals.Phase.API) < result.created()
        && System.nanoTime() < deadline) {
      Pause.millis(100);
    }
    report.figure(
        "their pushes received",
        "%,d of %,d".formatted(arrivals.received(Arrivals.Phase.API), result.created()),
        "within %s after the phase ended (not a loss check: today's core may need longer)"
            .formatted(seconds(System.nanoTime() - end)));
    return new long[] {start - launched, end - launched};
  }

  private void memory(ProcSampler sampler, Path gcLog, long[] broadcast, long[] api) {
    report.phase("memory");
    var collections = GcLog.read(gcLog);
    report.figure(
        "heap after GC, peak",
        mib(GcLog.peakAfter(collections, 0, Double.MAX_VALUE)),
        "whole run, from the node's GC log (-Xmx512m)");
    if (broadcast != null) {
      report.figure(
          "heap after GC, peak during the broadcast",
          mib(GcLog.peakAfter(collections, broadcast[0] / 1e9, broadcast[1] / 1e9)),
          "201 to all terminal");
    }
    if (api != null) {
      report.figure(
          "heap after GC, peak during the API phase",
          mib(GcLog.peakAfter(collections, api[0] / 1e9, api[1] / 1e9)),
          "");
    }
    report.figure(
        "heap before GC, peak",
        mib(GcLog.peakBefore(collections, 0, Double.MAX_VALUE)),
        "how high the heap grew between collections");
    var rss = sampler.heraldRssMib();
    report.figure("RSS peak", mib(rss[1]), "VmHWM of the node's process, whole run");
    report.figure("RSS at the end", mib(rss[0]), "VmRSS");
  }

  private double tallyRate(Arrivals.Platform platform, Arrivals.Phase phase) {
    var tally = arrivals.tally(platform, phase);
    return perSecond(tally.received(), tally.first(), tally.last());
  }

  static double perSecond(long count, long from, long to) {
    return to > from ? count * 1e9 / (to - from) : Double.NaN;
  }

  static String rate(double perSecond) {
    return Double.isNaN(perSecond) ? "n/a" : "%,.0f/s".formatted(perSecond);
  }

  static String seconds(long nanos) {
    return "%.2f s".formatted(nanos / 1e9);
  }

  private static String mib(long mib) {
    return mib < 0 ? "unknown" : mib + " MiB";
  }

  /** The database name in a JDBC URL: what its backends show in their process titles. */
  private static String databaseName(String url) {
    var path = URI.create(url.substring("jdbc:".length())).getPath();
    return path.substring(1);
  }
}
