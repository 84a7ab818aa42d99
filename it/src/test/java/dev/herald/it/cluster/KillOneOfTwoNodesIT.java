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
 * {@code kill -9} of one of two nodes while deliveries flow: the survivor takes over the killed
 * node's leased work when the lease (10 s here) runs out. Nothing accepted is lost; only what the
 * killed node had in flight (one batch per channel at most) may arrive twice.
 */
@Order(FaultTest.ORDER + 2)
class KillOneOfTwoNodesIT extends FaultTest {

  /** One batch per channel: the e-mail provider's 100 and APNs' max-in-flight of 100. */
  private static final int IN_FLIGHT_BOUND = 100 + 100;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void theSurvivorFinishesTheKilledNodesWork() throws Exception {
    var nodes = cluster("kill_nine", List.of()).start(2);
    var victim = nodes.get(1);
    var tenant = Tenant.create(nodes.get(0).base, "kill", 20, true);
    var channels = List.of("email", "push");
    var load =
        new Load(
            tenant,
            nodes,
            i -> tenant.notification(Receivers.marker("kill", i), i, 2, channels),
            true);

    var sending = CompletableFuture.runAsync(() -> load.run(4, 1_500, 100, Duration.ofMinutes(1)));
    // Mid-stream: a third sent (or 20 s of sending on a slow machine), so both nodes hold work,
    // and deliveries arriving.
    var midStream = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while ((load.sentCount() < 500 && System.nanoTime() < midStream
            || receivers.received().isEmpty())
        && !sending.isDone()) {
      HeraldNode.sleep(100);
    }
    var before = receivers.received().size();
    victim.kill();
    load.avoided.add(victim);
    var killedAt = load.sentCount();
    sending.get(2, TimeUnit.MINUTES);
    var figures =
        Figures.awaitDrain(load, receivers, Duration.ofMinutes(2), Duration.ofSeconds(12));

    System.out.println(
        figures.line(
            "KillOneOfTwoNodesIT",
            load,
            "killed %s after %d sent and %d received".formatted(victim.name, killedAt, before)));
    assertThat(before).as("deliveries were flowing when the node was killed").isPositive();
    assertThat(figures.lost()).as("lost").isEmpty();
    assertThat(figures.duplicateCount())
        .as("duplicates (only what the killed node had in flight)")
        .isLessThanOrEqualTo(IN_FLIGHT_BOUND);
  }
}
