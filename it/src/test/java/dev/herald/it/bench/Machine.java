package dev.herald.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the figures were measured on: the machine, the JVM, PostgreSQL and the code's commit. */
record Machine(
    String cpuModel,
    int cpus,
    String memory,
    String kernel,
    String java,
    String commit,
    String loadAtStart,
    String postgres,
    List<String> postgresSettings) {

  static Machine describe(String url, String user, String password) {
    var settings = new ArrayList<String>();
    String version;
    try (var connection = DriverManager.getConnection(url, user, password);
        var statement = connection.createStatement()) {
      try (var rows = statement.executeQuery("SELECT version()")) {
        rows.next();
        version = rows.getString(1);
      }
      try (var rows =
          statement.executeQuery(
              // what the JDBC session sets for itself (client, session, override) is no setting
              // of the server's
              "SELECT name, setting, unit, source FROM pg_settings"
                  + " WHERE source NOT IN ('default', 'client', 'session', 'override')"
                  + " ORDER BY name")) {
        while (rows.next()) {
          var unit = rows.getString(3);
          settings.add(
              "%s = %s%s (%s)"
                  .formatted(
                      rows.getString(1),
                      rows.getString(2),
                      unit == null ? "" : " × " + unit,
                      rows.getString(4)));
        }
      }
    } catch (SQLException e) {
      version = "unknown (" + e.getMessage() + ")";
    }
    return new Machine(
        readCpuModel(),
        Runtime.getRuntime().availableProcessors(),
        readMemory(),
        read("/proc/sys/kernel/osrelease").strip(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        readCommit(),
        currentLoad(),
        version,
        settings);
  }

  /** The load averages over 1, 5 and 15 minutes: whether others were using the machine. */
  static String currentLoad() {
    var fields = read("/proc/loadavg").split(" ");
    return fields.length < 3 ? "unknown" : String.join(" ", fields[0], fields[1], fields[2]);
  }

  private static String readCpuModel() {
    return read("/proc/cpuinfo")
        .lines()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).strip())
        .findFirst()
        .orElse("unknown");
  }

  private static String readMemory() {
    return read("/proc/meminfo")
        .lines()
        .filter(line -> line.startsWith("MemTotal:"))
        .map(line -> line.replaceAll("\\D", ""))
        .map(kib -> "%.1f GiB".formatted(Long.parseLong(kib) / 1024.0 / 1024.0))
        .findFirst()
        .orElse("unknown");
  }

  /** The commit the code was built from, and whether the working tree differed from it. */
  private static String readCommit() {
    var head = git("log", "-1", "--format=%h %s");
    if (head.isEmpty()) {
      return "unknown";
    }
    var changed = !git("status", "--porcelain", "--untracked-files=no").isEmpty();
    return head + (changed ? " (plus uncommitted changes)" : "");
  }

  private static String git(String... args) {
    var command = new ArrayList<String>(List.of("git"));
    command.addAll(List.of(args));
    try {
      var process = new ProcessBuilder(command).redirectErrorStream(true).start();
      var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor() == 0 ? out.strip() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      return "";
    }
  }
}
