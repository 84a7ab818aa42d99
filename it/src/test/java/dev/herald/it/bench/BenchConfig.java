package dev.herald.it.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The benchmark's settings, from system properties (it/pom.xml, profile {@code bench}, passes them
 * on; {@code -Dbench.devices=100000} on Maven's command line changes them).
 *
 * @param devices members seeded, one device each, and their platforms
 * @param apiRate POST requests per second in the API latency phase
 * @param apiWindow how long the API latency phase sends
 * @param headOfLineEvery how often a USR notification is sent during the broadcast
 * @param timeout how long the broadcast may take before its missing deliveries count as lost
 * @param drain how long the pushes of the API latency phase may take to arrive after it
 * @param command the command that ran the benchmark, for the report
 * @param keys the test TLS and signing keys (it/src/test/resources/apns)
 * @param out where results and the node's logs go
 */
record BenchConfig(
    Devices devices,
    double apiRate,
    Duration apiWindow,
    Duration headOfLineEvery,
    Duration timeout,
    Duration drain,
    String command,
    Path keys,
    Path out) {

  static BenchConfig fromSystemProperties() {
    var devices = Integer.getInteger("bench.devices", 10_000);
    if (devices < 2) {
      throw new IllegalArgumentException("bench.devices must be at least 2, not " + devices);
    }
    // ten minutes, plus one second per thousand devices: today's core needs ~4 min for a million
    var timeout = Long.getLong("bench.timeout-s", 600 + devices / 1_000);
    var platforms = System.getProperty("bench.platforms", "half");
    if (!platforms.equals("half") && !platforms.equals("ios")) {
      throw new IllegalArgumentException("bench.platforms is half or ios, not " + platforms);
    }
    return new BenchConfig(
        new Devices(devices, platforms.equals("ios")),
        Double.parseDouble(System.getProperty("bench.api.rate", "1000")),
        Duration.ofSeconds(Long.getLong("bench.api.seconds", 30)),
        Duration.ofMillis(Long.getLong("bench.hol.every-ms", 1_000)),
        Duration.ofSeconds(timeout),
        Duration.ofSeconds(Long.getLong("bench.drain-s", 180)),
        System.getProperty(
            "bench.command",
            "mvn -B verify -pl it -am -Pbench -Dbench.devices=%d -Dbench.platforms=%s"
                .formatted(devices, platforms)),
        Path.of(System.getProperty("it.apns.dir", "target/test-classes/apns")),
        Path.of("target", "bench"));
  }
}
