package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An operator who lost every system administrator's secret gets back in by restarting Herald with
 * {@code HERALD_BOOTSTRAP_TOKEN} set, keeping all data. Herald runs here in a Payara Micro process
 * of this test's own, on a database of its own, started twice.
 */
class BootstrapRecoveryIT {

  private static final Path PAYARA = Path.of("target/payara-micro.jar");
  private static final Path DIR = Path.of("target/bootstrap-recovery").toAbsolutePath();
  private static final String ORGANIZATIONS = "/v2.0/tool/organizations";

  @Test
  void restartingWithTheSettingInstallsItAsASystemAdministratorAgain() throws Exception {
    assumeTrue(Files.exists(PAYARA), "Payara Micro is there in the default (payara) profile only");
    prepare();
    var secret = "recovery-" + UUID.randomUUID();

    try (var herald = Herald.start(secret, "first")) {
      var bootstrap = herald.api(secret);
      assertThat(bootstrap.get(ORGANIZATIONS).status()).isEqualTo(200);
      var kept = Organization.create(bootstrap, "kept");
      var tokens = bootstrap.get(ORGANIZATIONS + "/default/tokens").items();
      assertThat(tokens).hasSize(1);
      var first = tokens.get(0).asJsonObject();
      var issued =
          bootstrap.post(
              ORGANIZATIONS + "/default/tokens",
              "{\"memberId\":"
                  + Api.q(first.getString("memberId"))
                  + ",\"role\":\"ADMIN\",\"systemAdmin\":true}");
      assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
      var other = herald.api(issued.json().getString("token"));
      // The bootstrap token is revoked, and then the other secret is lost with it.
      assertThat(other.delete(ORGANIZATIONS + "/default/tokens/" + first.getString("id")).status())
          .isEqualTo(204);
      assertThat(bootstrap.get(ORGANIZATIONS).status()).isEqualTo(401);
      assertThat(other.get(ORGANIZATIONS).body()).contains(kept.id);
    }

    try (var herald = Herald.start(secret, "again")) {
      var recovered = herald.api(secret);
      var organizations = recovered.get(ORGANIZATIONS);
      assertThat(organizations.status()).as(organizations.toString()).isEqualTo(200);
      assertThat(organizations.items()).hasSize(2);
      assertThat(herald.log())
          .contains("Installed the value of HERALD_BOOTSTRAP_TOKEN as a system administrator's");
      var tokens = recovered.get(ORGANIZATIONS + "/default/tokens").items();
      assertThat(tokens)
          .filteredOn(t -> t.asJsonObject().getBoolean("systemAdmin"))
          .filteredOn(t -> !t.asJsonObject().containsKey("revokedAt"))
          .hasSize(2);
    }
  }

  private static void prepare() throws IOException {
    if (Files.exists(DIR)) {
      try (var files = Files.walk(DIR)) {
        for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(DIR);
    Files.copy(Path.of("target/herald.war"), DIR.resolve("ROOT.war"));
    PayaraMicro.writePreboot(DIR.resolve("preboot.txt"));
  }

  /** One Payara Micro process running Herald on the test's database. */
  private static final class Herald implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final URI base;

    private Herald(Process process, Path log, URI base) {
      this.process = process;
      this.log = log;
      this.base = base;
    }

    static Herald start(String bootstrapToken, String name) throws Exception {
      int port;
      try (var socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      var log = DIR.resolve(name + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx512m");
      command.addAll(PayaraMicro.JVM_OPTIONS);
      command.add("-Dherald.db.url=jdbc:h2:file:" + DIR.resolve("db/herald"));
      command.add("-Dherald.bootstrap.token=" + bootstrapToken);
      command.addAll(
          List.of(
              "-jar",
              PAYARA.toAbsolutePath().toString(),
              "--nocluster",
              "--port",
              Integer.toString(port),
              "--prebootcommandfile",
              DIR.resolve("preboot.txt").toString(),
              "--deploy",
              DIR.resolve("ROOT.war").toString()));
      var process =
          new ProcessBuilder(command)
              .directory(DIR.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      var herald = new Herald(process, log, URI.create("http://127.0.0.1:" + port + "/"));
      try {
        herald.awaitStarted();
      } catch (RuntimeException | Error e) {
        herald.close();
        throw e;
      }
      return herald;
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
}
