package dev.herald.it.cluster;

import dev.herald.it.PayaraMicro;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Herald node: the real {@code herald.war} on Payara Micro in a JVM of its own, started
 * directly (no wrapper script), so {@link #kill()} is a real {@code kill -9} of the server and
 * {@link #stop()} a real SIGTERM. Its output goes to {@code <name>.log} in the test's directory.
 * Public for the benchmark ({@code dev.herald.it.bench}), which starts one node the same way.
 */
public final class HeraldNode implements AutoCloseable {

  /** Every node still running, stopped by a shutdown hook if the test JVM ends first. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  private static final HttpClient PROBE =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  public final URI base;
  public final Path log;
  private final Process process;

  private HeraldNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.base = URI.create("http://127.0.0.1:" + port + "/");
    this.log = log;
    this.process = process;
  }

  /**
   * Starts a node in {@code dir}: the JVM options carry Herald's settings; Payara Micro gets {@code
   * --nocluster}, a free port bound to 127.0.0.1, and the WAR at the root context.
   */
  public static HeraldNode start(String name, Path dir, List<String> jvmOptions) {
    try {
      var port = freePort();
      var rootDir = dir.resolve(name + "-payara");
      deleteRecursively(rootDir);
      var preboot = PayaraMicro.writePreboot(dir.resolve("preboot.asadmin"));
      var command = new ArrayList<String>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(PayaraMicro.JVM_OPTIONS);
      command.addAll(jvmOptions);
      command.addAll(
          List.of(
              "-jar",
              Path.of(System.getProperty("it.payara.jar", "target/payara-micro.jar"))
                  .toAbsolutePath()
                  .toString(),
              "--nocluster",
              "--port",
              Integer.toString(port),
              "--prebootcommandfile",
              preboot.toAbsolutePath().toString(),
              "--rootdir",
              rootDir.toAbsolutePath().toString(),
              "--contextroot",
              "/",
              "--deploy",
              Path.of(System.getProperty("it.war", "target/herald.war"))
                  .toAbsolutePath()
                  .toString()));
      var log = dir.resolve(name + ".log");
      var process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      RUNNING.add(process);
      return new HeraldNode(name, port, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start node " + name, e);
    }
  }

  /** Waits until the node answers an authenticated API call with 200. */
  public void awaitReady(String token, Duration timeout) {
    var deadline = System.nanoTime() + timeout.toNanos();
    var request =
        HttpRequest.newBuilder(base.resolve("v2.0/tool/organizations"))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(5))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " while starting; see " + log);
      }
      try {
        if (PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: the JVM ends at once, with whatever it held in flight. */
  void kill() {
    process.destroyForcibly();
    await(Duration.ofSeconds(30));
  }

  /**
   * SIGTERM, as an orchestrator stops a server; waits up to {@code grace} for the JVM to end, then
   * kills it. Returns how long the stop took.
   */
  public Duration stop(Duration grace) {
    var started = System.nanoTime();
    process.destroy();
    if (!await(grace)) {
      process.destroyForcibly();
      await(Duration.ofSeconds(30));
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private boolean await(Duration timeout) {
    try {
      var ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (ended) {
        RUNNING.remove(process);
      }
      return ended;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      await(Duration.ofSeconds(30));
    }
    RUNNING.remove(process);
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", " + base + ")";
  }

  public static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
