package dev.herald.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's figures as one Markdown document: how and where they were measured, then one
 * table row per figure, grouped by phase, in the order they were measured. Written even when a run
 * ends early, with what it got so far and why it stopped.
 */
final class Report {

  private record Row(String phase, String figure, String value, String how) {}

  private final List<Row> rows = new ArrayList<>();
  private final String started =
      OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  private String phase = "";
  private String stoppedBy;

  /** The figures that follow belong to this phase. */
  void phase(String name) {
    phase = name;
  }

  void figure(String figure, String value, String how) {
    rows.add(new Row(phase, figure, value, how));
  }

  void stoppedBy(Throwable failure) {
    stoppedBy = String.valueOf(failure);
  }

  String render(BenchConfig config, Machine machine, List<String> nodeOptions) {
    var md = new StringBuilder();
    md.append(
        "## Herald benchmark, %,d devices%s%n%n"
            .formatted(config.devices().count(), config.devices().allIos() ? ", all iOS" : ""));
    if (stoppedBy != null) {
      md.append("**Incomplete run**, stopped by: `%s`%n%n".formatted(stoppedBy));
    }
    md.append("- Date: ").append(started).append('\n');
    md.append("- Command: `").append(config.command()).append("`\n");
    md.append("- Commit: ").append(machine.commit()).append('\n');
    md.append(
        "- Machine: %s, %d CPUs, %s memory, Linux %s%n"
            .formatted(machine.cpuModel(), machine.cpus(), machine.memory(), machine.kernel()));
    md.append(
        "- Load average (1, 5, 15 min): %s at the start, %s at the end%n"
            .formatted(machine.loadAtStart(), Machine.currentLoad()));
    md.append("- Java: ").append(machine.java()).append('\n');
    md.append("- PostgreSQL: ").append(machine.postgres()).append('\n');
    md.append("- Herald node: Payara Micro, JVM options `")
        .append(
            String.join(" ", nodeOptions.stream().filter(o -> !o.contains("password")).toList()))
        .append("`\n\n");
    md.append("| phase | figure | value | how |\n|---|---|---|---|\n");
    for (var row : rows) {
      md.append(
          "| %s | %s | %s | %s |%n".formatted(row.phase(), row.figure(), row.value(), row.how()));
    }
    md.append(
        "\nPostgreSQL settings not at their default (`pg_settings`, source neither `default` nor"
            + " set by the JDBC session):\n\n");
    for (var setting : machine.postgresSettings()) {
      md.append("- `").append(setting).append("`\n");
    }
    return md.toString();
  }

  /** Writes {@code results-<label>.md} into {@code dir} and returns its path. */
  Path write(Path dir, String label, String markdown) {
    try {
      Files.createDirectories(dir);
      var file = dir.resolve("results-" + label + ".md");
      Files.writeString(file, markdown);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
