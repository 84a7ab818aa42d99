package dev.herald.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU time of the Herald node and of PostgreSQL, read from {@code /proc} (utime + stime). A
 * PostgreSQL backend may end during a run and take its CPU time with it, so every postgres process
 * is sampled every 200 ms and its last value kept: a snapshot counts what each process used since
 * sampling began (or since it started, if later), losing at most 200 ms of an exited one.
 * PostgreSQL is reported twice: all its processes (background writers included, but also any other
 * database's work on this shared machine), and only the backends of the benchmark's database,
 * recognized by the database name in their process title.
 */
final class ProcSampler implements AutoCloseable {

  /**
   * CPU seconds used since sampling began: by the node, by PostgreSQL (all of it, and the backends
   * of the benchmark's database), by this JVM (the mock servers and load generators) and by the
   * whole machine; and the wall-clock seconds they were used in. What the machine used beyond the
   * first three is other work on a shared machine, which the figures of that window then carry.
   */
  record Cpu(
      double herald,
      double postgres,
      double postgresDatabase,
      double bench,
      double machine,
      double wall) {

    Cpu minus(Cpu earlier) {
      return new Cpu(
          herald - earlier.herald,
          postgres - earlier.postgres,
          postgresDatabase - earlier.postgresDatabase,
          bench - earlier.bench,
          machine - earlier.machine,
          wall - earlier.wall);
    }

    /** How busy the machine was, and with what: others' work on a shared machine shows here. */
    String shares() {
      var cpus = Runtime.getRuntime().availableProcessors();
      return ("%.1f of %.1f CPU-s busy: Herald %.1f, PostgreSQL %.1f, benchmark JVM %.1f,"
              + " other processes %.1f")
          .formatted(
              machine,
              wall * cpus,
              herald,
              postgres,
              bench,
              Math.max(0, machine - herald - postgres - bench));
    }
  }

  /** One process seen: its ticks when first seen (0 if it started later), and the latest. */
  private static final class Seen {
    final long first;
    long last;
    boolean database;

    Seen(long first) {
      this.first = first;
      this.last = first;
    }
  }

  private static final Path PROC = Path.of("/proc");

  private final long heraldPid;
  private final String database;
  private final double ticksPerSecond;
  private final long heraldFirst;
  private final Map<String, Seen> postgres = new HashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            var thread = new Thread(r, "bench-proc-sampler");
            thread.setDaemon(true);
            return thread;
          });
  private boolean started;

  private ProcSampler(long heraldPid, String database) {
    this.heraldPid = heraldPid;
    this.database = database;
    this.ticksPerSecond = ticksPerSecond();
    this.heraldFirst = ticks(PROC.resolve(Long.toString(heraldPid)));
  }

  static ProcSampler start(long heraldPid, String database) {
    var sampler = new ProcSampler(heraldPid, database);
    sampler.sample();
    sampler.timer.scheduleAtFixedRate(sampler::sample, 200, 200, TimeUnit.MILLISECONDS);
    return sampler;
  }

  synchronized Cpu snapshot() {
    sample();
    long all = 0;
    long ofDatabase = 0;
    for (var seen : postgres.values()) {
      all += seen.last - seen.first;
      if (seen.database) {
        ofDatabase += seen.last - seen.first;
      }
    }
    var herald = ticks(PROC.resolve(Long.toString(heraldPid))) - heraldFirst;
    return new Cpu(
        herald / ticksPerSecond,
        all / ticksPerSecond,
        ofDatabase / ticksPerSecond,
        ticks(PROC.resolve("self")) / ticksPerSecond,
        machineTicks() / ticksPerSecond,
        System.nanoTime() / 1e9);
  }

  /** Busy ticks of all CPUs since boot: the first line of /proc/stat, less idle and iowait. */
  private static long machineTicks() {
    try (var lines = Files.lines(PROC.resolve("stat"))) {
      var fields = lines.findFirst().orElseThrow().trim().split("\\s+");
      long busy = 0;
      // cpu user nice system idle iowait irq softirq steal (guest time is inside user already)
      for (int i = 1; i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(fields[i]);
        }
      }
      return busy;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** The node's resident set now and at its peak (VmRSS, VmHWM), in MiB. */
  long[] heraldRssMib() {
    try {
      var status = Files.readAllLines(PROC.resolve(heraldPid + "/status"));
      return new long[] {kib(status, "VmRSS:") / 1024, kib(status, "VmHWM:") / 1024};
    } catch (IOException e) {
      return new long[] {-1, -1};
    }
  }

  private static long kib(List<String> status, String field) {
    return status.stream()
        .filter(line -> line.startsWith(field))
        .map(line -> line.substring(field.length()).trim().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElse(-1);
  }

  private synchronized void sample() {
    try (Stream<Path> entries = Files.list(PROC)) {
      entries
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(this::samplePostgres);
    } catch (IOException | RuntimeException e) {
      // a process ending mid-read is normal; the next round reads it again
    }
    // processes seen from now on started after sampling began: all their time counts
    started = true;
  }

  private void samplePostgres(Path process) {
    try {
      if (!"postgres".equals(Files.readString(process.resolve("comm")).strip())) {
        return;
      }
      var stat = Files.readString(process.resolve("stat"));
      var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // pid and start time: a pid the kernel reuses is another process
      var key = process.getFileName() + "@" + fields[19];
      var ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      var seen = postgres.computeIfAbsent(key, k -> new Seen(started ? 0 : ticks));
      seen.last = ticks;
      if (!seen.database) {
        var title =
            new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                .replace('\0', ' ')
                .strip();
        seen.database = title.contains(" " + database + " ") || title.endsWith(" " + database);
      }
    } catch (IOException | RuntimeException e) {
      // gone meanwhile: its last value stays
    }
  }

  private static long ticks(Path process) {
    try {
      var stat = Files.readString(process.resolve("stat"));
      var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** USER_HZ, 100 on Linux unless {@code getconf} says otherwise. */
  private static double ticksPerSecond() {
    try {
      var getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      var out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      return getconf.waitFor() == 0 ? Double.parseDouble(out.strip()) : 100;
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
