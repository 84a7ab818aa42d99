package dev.herald.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two nodes on one PostgreSQL, no fault at all: 2,000 USR notifications sent alternately to both,
 * each to two members by e-mail and to their iOS devices. Every recipient receives every
 * notification exactly once on each channel, counted at GreenMail and the mock APNs server.
 */
@Order(FaultTest.ORDER + 1)
class TwoNodesExactlyOnceIT extends FaultTest {

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void everyRecipientReceivesEachNotificationExactlyOnce() throws Exception {
    var nodes = cluster("two_nodes", List.of()).start(2);
    var tenant = Tenant.create(nodes.get(0).base, "once", 20, true);
    var channels = List.of("email", "push");
    var load =
        new Load(
            tenant,
            nodes,
            i -> tenant.notification(Receivers.marker("once", i), i, 2, channels),
            false);

    var started = System.nanoTime();
    load.run(8, 2_000, 0, Duration.ofMinutes(6));
    var sending = Duration.ofNanos(System.nanoTime() - started);
    var figures =
        Figures.awaitDrain(load, receivers, Duration.ofMinutes(2), Duration.ofSeconds(11));

    System.out.println(
        figures.line(
            "TwoNodesExactlyOnceIT", load, "sending=%.1fs".formatted(sending.toMillis() / 1e3)));
    assertThat(figures.accepted()).as("accepted of 2,000").isEqualTo(2_000);
    assertThat(figures.lost()).as("lost").isEmpty();
    assertThat(figures.duplicates()).as("duplicates by channel").isEmpty();
  }
}
