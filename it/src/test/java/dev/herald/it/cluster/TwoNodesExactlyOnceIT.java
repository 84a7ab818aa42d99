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
 * notification exactly once on each channel, counted at GreenMail and the mock APNs server. And a
 * token's send limit is one limit for both nodes.
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

  /** A token limited to 10 a minute, sending to both nodes in turn, gets 10 through in all. */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aTokensSendLimitIsOneLimitForBothNodes() throws Exception {
    var nodes = cluster("two_nodes_limit", List.of()).start(2);
    var tenant = Tenant.create(nodes.get(0).base, "limit", 1, false);
    var member =
        tenant
            .admin
            .expect(200, tenant.admin.get(nodes.get(0).base, tenant.path + "/members"))
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("id");
    var issued =
        tenant.admin.expect(
            201,
            tenant.admin.post(
                nodes.get(0).base,
                tenant.path + "/tokens",
                "{\"memberId\":\"" + member + "\",\"role\":\"SENDER\",\"sendsPerMinute\":10}",
                null));
    var limited = tenant.admin.as(issued.getString("token"));
    // all within one minute: start early in one
    var second = java.time.LocalTime.now(java.time.ZoneOffset.UTC).getSecond();
    if (second > 40) {
      Thread.sleep((61 - second) * 1_000L);
    }
    var statuses = new java.util.ArrayList<Integer>();
    for (int i = 0; i < 16; i++) {
      var reply =
          limited.post(
              nodes.get(i % 2).base,
              tenant.path + "/notifications",
              "{\"content\":{\"title\":\"limit "
                  + i
                  + "\",\"text\":\"x\"},\"scope\":\"USR\",\"emails\":[\""
                  + tenant.members.keySet().iterator().next()
                  + "\"],\"channels\":[\"inapp\"]}",
              null);
      statuses.add(reply.status());
    }
    assertThat(statuses.subList(0, 10)).as(statuses.toString()).containsOnly(201);
    assertThat(statuses.subList(10, 16)).as(statuses.toString()).containsOnly(429);
  }
}
