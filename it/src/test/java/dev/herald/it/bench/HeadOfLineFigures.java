package dev.herald.it.bench;

import java.util.stream.Collectors;

/** Head-of-line latency: from each USR notification's 201 to its push at the mock. */
final class HeadOfLineFigures {

  private HeadOfLineFigures() {}

  static void report(Report report, HeadOfLine headOfLine, long broadcastAccepted) {
    report.figure(
        "head-of-line USR, both channels",
        headOfLine.latencies(null).summary(),
        "one every %d ms during the broadcast, 201 → push at the mock; %d refused, %d missing"
            .formatted(headOfLine.every().toMillis(), headOfLine.refused(), headOfLine.missing()));
    report.figure(
        "head-of-line USR, iOS",
        headOfLine.latencies(Arrivals.Platform.IOS).summary(),
        "to the member with iOS device 0 (and to device 1's when every device is an iPhone)");
    report.figure(
        "head-of-line USR, Android",
        headOfLine.latencies(Arrivals.Platform.ANDROID).summary(),
        "to the member with Android device 1");
    report.figure(
        "head-of-line USR, the five slowest",
        headOfLine.slowest(5).stream()
            .map(
                sample ->
                    "%s %s at %+.1f s"
                        .formatted(
                            sample.platform() == Arrivals.Platform.IOS ? "iOS" : "Android",
                            Latencies.format(sample.latencyNanos()),
                            (sample.sentNanos() - broadcastAccepted) / 1e9))
            .collect(Collectors.joining(", ")),
        "latency, channel, and when its 201 came after the broadcast's");
  }
}
