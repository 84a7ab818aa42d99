package dev.herald.it.bench;

/** Head-of-line latency: from each USR notification's 201 to its push at the mock. */
final class HeadOfLineFigures {

  private HeadOfLineFigures() {}

  static void report(Report report, HeadOfLine headOfLine) {
    report.figure(
        "head-of-line USR, both channels",
        headOfLine.latencies(null).summary(),
        "one every second during the broadcast, 201 → push at the mock; %d refused, %d missing"
            .formatted(headOfLine.refused(), headOfLine.missing()));
    report.figure(
        "head-of-line USR, iOS",
        headOfLine.latencies(Arrivals.Platform.IOS).summary(),
        "to the member with iOS device 0");
    report.figure(
        "head-of-line USR, Android",
        headOfLine.latencies(Arrivals.Platform.ANDROID).summary(),
        "to the member with Android device 1");
  }
}
