package dev.herald.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The node's heap as its GC log ({@code -Xlog:gc:file=…}) tells it: each collection's heap used
 * before and after, with the JVM's uptime. The peak after a collection is what the node really
 * holds (the figure the 512 MB target is about); the peak before one is how high it let the heap
 * grow.
 */
final class GcLog {

  /**
   * {@code [12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 60M->12M(512M)}.
   */
  private static final Pattern LINE =
      Pattern.compile("^\\[([0-9.]+)s\\].*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  /** One collection: JVM uptime in seconds, heap used before and after it, in MiB. */
  record Collection(double uptime, long beforeMib, long afterMib) {}

  private GcLog() {}

  static List<Collection> read(Path file) {
    var collections = new ArrayList<Collection>();
    try {
      for (var line : Files.readAllLines(file)) {
        var m = LINE.matcher(line);
        if (m.find()) {
          collections.add(
              new Collection(
                  Double.parseDouble(m.group(1)),
                  mib(m.group(2), m.group(3)),
                  mib(m.group(4), m.group(5))));
        }
      }
    } catch (IOException e) {
      // no log, no collections: reported as unknown
    }
    return collections;
  }

  /** The highest heap after a collection between two uptimes (seconds); -1 if none ran. */
  static long peakAfter(List<Collection> collections, double from, double to) {
    return collections.stream()
        .filter(c -> c.uptime() >= from && c.uptime() <= to)
        .mapToLong(Collection::afterMib)
        .max()
        .orElse(-1);
  }

  static long peakBefore(List<Collection> collections, double from, double to) {
    return collections.stream()
        .filter(c -> c.uptime() >= from && c.uptime() <= to)
        .mapToLong(Collection::beforeMib)
        .max()
        .orElse(-1);
  }

  private static long mib(String value, String unit) {
    var n = Long.parseLong(value);
    return switch (unit) {
      case "K" -> n / 1024;
      case "G" -> n * 1024;
      default -> n;
    };
  }
}
