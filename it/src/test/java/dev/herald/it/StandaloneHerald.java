package dev.herald.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Herald's WAR in a Payara Micro process of a test's own, on an H2 database in the test's
 * directory, for tests that start Herald with settings of their own, or several times on the same
 * data.
 */
final class StandaloneHerald implements AutoCloseable {

  static final Path PAYARA = Path.of("target/payara-micro.jar");
  private static final String ORGANIZATIONS = "/v2.0/tool/organizations";

  private final Process process;
  private final Path log;
  private final URI base;

  private StandaloneHerald(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /**
   * Empties {@code dir} and puts the WAR and Payara's preboot commands in it; skips the calling
   * test outside the default stage (Payara, H2). These tests bring their own server and H2
   * database, so the PostgreSQL and WildFly stages would only run them again unchanged.
   */
  static void prepare(Path dir) throws IOException {
    assumeTrue(Files.exists(PAYARA), "Payara Micro is there in the default (payara) profile only");
    assumeTrue(
        "payara".equals(System.getProperty("arquillian.launch", "payara"))
            && System.getProperty("herald.test.db.url", "jdbc:h2:").startsWith("jdbc:h2:"),
        "runs Herald on H2 under Payara Micro: the default stage only");
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(dir);
    Files.copy(Path.of("target/herald.war"), dir.resolve("ROOT.war"));
    PayaraMicro.writePreboot(dir.resolve("preboot.txt"));
  }

  /**
   * Starts Herald from a {@link #prepare prepared} directory with these settings ({@code
   * -Dherald.…=…}), logging to {@code <name>.log} there, and waits until its API answers.
   */
  static StandaloneHerald start(Path dir, String name, List<String> settings) throws Exception {
    var herald = launch(dir, name, settings);
    try {
      herald.awaitStarted();
    } catch (RuntimeException | Error e) {
      herald.close();
      throw e;
    }
    return herald;
  }

  /** Starts Payara Micro as {@link #start} does, without waiting for Herald to answer. */
  static StandaloneHerald launch(Path dir, String name, List<String> settings) throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(PayaraMicro.JVM_OPTIONS);
    command.add("-Dherald.db.url=jdbc:h2:file:" + dir.resolve("db/herald"));
    command.addAll(settings);
    command.addAll(
        List.of(
            "-jar",
            PAYARA.toAbsolutePath().toString(),
            "--nocluster",
            "--port",
            Integer.toString(port),
            "--prebootcommandfile",
            dir.resolve("preboot.txt").toString(),
            "--deploy",
            dir.resolve("ROOT.war").toString()));
    var process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new StandaloneHerald(process, log, URI.create("http://127.0.0.1:" + port + "/"));
  }

  private void awaitStarted() {
    Eventually.await(
        "Herald to start (log: " + log + ")",
        Duration.ofSeconds(300),
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError("Payara Micro stopped; see " + log);
          }
          try {
            return api(null).get(ORGANIZATIONS).status();
          } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException) {
              return 0; // not listening yet, or closing connections while it deploys
            }
            throw e;
          }
        },
        status -> status == 401);
  }

  Api api(String token) {
    return new Api(base, token);
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
