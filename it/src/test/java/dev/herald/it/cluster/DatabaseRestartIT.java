package dev.herald.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL restarted under a steady POST load: while it is down a request gets 503 with {@code
 * Retry-After}, never a 500 and never a hang (no answer within {@link Client#TIMEOUT} is a
 * failure); every notification a node answered 2xx is delivered afterwards. The restart command is
 * {@code it.pg.restart} ({@code .ci/run} sets it), by default the local cluster's {@code
 * pg_ctlcluster … main restart}; it restarts the whole server, so run this test only on a
 * PostgreSQL of your own.
 */
@Order(FaultTest.ORDER + 5)
class DatabaseRestartIT extends FaultTest {

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void requestsDuringTheOutageGet503AndEveryAcceptedOneIsDelivered() throws Exception {
    var restart = TestDatabase.restartCommand();
    assumeTrue(
        restart.isPresent(),
        "No way to restart PostgreSQL here: set -Dit.pg.restart=\"<command>\" (see .ci/run)");
    var node = cluster("db_restart", List.of()).start(1).get(0);
    var tenant = Tenant.create(node.base, "dbre", 20, false);
    var load =
        new Load(
            tenant,
            List.of(node),
            i -> tenant.notification(Receivers.marker("dbre", i), i, 1, List.of("email")),
            false);

    var sending =
        CompletableFuture.runAsync(() -> load.run(16, 30 * 30, 30, Duration.ofSeconds(40)));
    HeraldNode.sleep(10_000);
    var started = System.nanoTime();
    var restarting = new ProcessBuilder(restart.get()).inheritIO().start();
    var finished = restarting.waitFor(90, TimeUnit.SECONDS);
    var restartTook = Duration.ofNanos(System.nanoTime() - started);
    sending.get(2, TimeUnit.MINUTES);
    var figures = Figures.awaitDrain(load, receivers, Duration.ofMinutes(2), Duration.ofSeconds(3));

    System.out.println(
        figures.line(
            "DatabaseRestartIT",
            load,
            "restart (%s) took %.1fs, exit %s"
                .formatted(
                    String.join(" ", restart.get()),
                    restartTook.toMillis() / 1e3,
                    finished ? restarting.exitValue() : "none (still running)")));
    assertThat(finished && restarting.exitValue() == 0)
        .as("the restart command succeeded")
        .isTrue();
    assertThat(load.outcomes())
        .as("every answer is 201 or 503 with Retry-After (no 500, no hang)")
        .allSatisfy(
            (call, count) ->
                assertThat(call.endsWith(" 201") || call.endsWith(" 503+Retry-After"))
                    .as(call + " x" + count)
                    .isTrue());
    assertThat(figures.lost()).as("lost").isEmpty();
  }
}
