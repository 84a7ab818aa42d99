package dev.herald.it.bench;

/** The API latency phase's figures: the open loop's latencies, failures and cost per request. */
final class ApiFigures {

  private ApiFigures() {}

  static void report(Report report, BenchConfig config, OpenLoop.Result r, ProcSampler.Cpu cpu) {
    report.figure(
        "load",
        "%,.0f req/s for %d s: %,d requests"
            .formatted(config.apiRate(), config.apiWindow().toSeconds(), r.scheduled()),
        "POST …/notifications, USR to one member (push + in-app), open loop, ≤ 100 connections");
    report.figure(
        "latency",
        r.latencies().summary(),
        "from each request's scheduled time to its answer (no coordinated omission); never:"
            + " not answered");
    report.figure(
        "latency, answered requests only",
        r.latencies().answered().summary(),
        "the same, leaving out requests never sent or never answered");
    report.figure(
        "answered 201",
        "%,d (%,.0f/s)".formatted(r.created(), r.created() * 1e9 / r.elapsed().toNanos()),
        "over %s, until the last answer".formatted(BenchmarkIT.seconds(r.elapsed().toNanos())));
    report.figure(
        "errors",
        r.failures().isEmpty() ? "none" : r.failures().toString(),
        "non-201 answers, timeouts (10 s), requests never sent within 30 s of the window's end");
    var answered = Math.max(1, r.answered());
    report.figure(
        "CPU per request",
        "Herald %.1f ms, PostgreSQL %.1f ms (%.1f ms all processes)"
            .formatted(
                cpu.herald() * 1e3 / answered,
                cpu.postgresDatabase() * 1e3 / answered,
                cpu.postgres() * 1e3 / answered),
        "CPU during the phase ÷ answered requests; includes delivering what they queued");
    report.figure("machine", cpu.shares(), "during the phase");
  }
}
