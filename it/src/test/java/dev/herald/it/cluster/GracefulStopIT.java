package dev.herald.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGTERM to one of two nodes during a burst, as an orchestrator stops a server: nothing accepted
 * is lost, Herald itself never answers 500 (new requests get its 503 with {@code Retry-After} from
 * the moment the JVM is asked to stop), and nothing goes out twice: Herald traps SIGTERM, and the
 * stopping node finishes and records what it has in flight before Payara Micro's teardown begins.
 * What Herald cannot prevent, and the README says: Payara Micro then tears the application down
 * while its HTTP listener still accepts requests, so the few requests that arrive in that last
 * second get the server's own 500 or 503 page (counted as {@code 500-server-page} and {@code
 * 503-no-Retry-After}) or a refused connection.
 */
@Order(FaultTest.ORDER + 3)
class GracefulStopIT extends FaultTest {

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aStoppingNodeLosesNothingAndHeraldAnswersNoServerError() throws Exception {
    var nodes = cluster("graceful_stop", List.of()).start(2);
    var stopping = nodes.get(1);
    var tenant = Tenant.create(nodes.get(0).base, "stop", 20, true);
    var channels = List.of("email", "push");
    var load =
        new Load(
            tenant,
            nodes,
            i -> tenant.notification(Receivers.marker("stop", i), i, 2, channels),
            true);

    var sending = CompletableFuture.runAsync(() -> load.run(6, 1_200, 0, Duration.ofMinutes(2)));
    while (receivers.received().size() < 200 && !sending.isDone()) {
      HeraldNode.sleep(100);
    }
    var stoppedAt = load.sentCount();
    var took = stopping.stop(Duration.ofSeconds(60));
    load.avoided.add(stopping);
    sending.get(2, TimeUnit.MINUTES);
    var figures =
        Figures.awaitDrain(load, receivers, Duration.ofMinutes(2), Duration.ofSeconds(12));

    System.out.println(
        figures.line(
            "GracefulStopIT",
            load,
            "SIGTERM to %s after %d sent; it stopped in %.1fs"
                .formatted(stopping.name, stoppedAt, took.toMillis() / 1e3)));
    assertThat(figures.lost()).as("lost").isEmpty();
    assertThat(load.count("500")).as("500s answered by Herald on any node").isZero();
    assertThat(load.outcomes())
        .as("what the nodes answered")
        .allSatisfy(
            (call, count) ->
                assertThat(
                        call.endsWith(" 201")
                            || call.endsWith(" 503+Retry-After")
                            // the server itself, while it tears the stopping node down
                            || (call.startsWith(stopping.name + " ")
                                && (call.endsWith(" refused")
                                    || call.contains(" io:")
                                    || call.endsWith(" 500-server-page")
                                    || call.endsWith(" 503-no-Retry-After"))))
                    .as(call + " x" + count)
                    .isTrue());
    assertThat(figures.duplicateCount())
        .as("duplicates (a stopping node finishes and records its batches before it goes)")
        .isZero();
  }
}
