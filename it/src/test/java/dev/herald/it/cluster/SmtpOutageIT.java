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
 * The SMTP server is down for 22 s while notifications keep being accepted, then comes back on the
 * same port: retries back off and outlast the outage, and every accepted notification's e-mail
 * arrives exactly once afterwards.
 */
@Order(FaultTest.ORDER + 4)
class SmtpOutageIT extends FaultTest {

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void retriesOutlastTheOutageAndDrainOnce() throws Exception {
    var node = cluster("smtp_outage", List.of()).start(1).get(0);
    var tenant = Tenant.create(node.base, "smtp", 20, false);
    var load =
        new Load(
            tenant,
            List.of(node),
            i -> tenant.notification(Receivers.marker("smtp", i), i, 1, List.of("email")),
            false);

    var sending =
        CompletableFuture.runAsync(() -> load.run(4, 20 * 25, 20, Duration.ofSeconds(40)));
    HeraldNode.sleep(2_000);
    receivers.stopSmtp();
    var downFrom = load.sentCount();
    HeraldNode.sleep(22_000);
    var downUntil = load.sentCount();
    receivers.startSmtp();
    sending.get(2, TimeUnit.MINUTES);
    var figures = Figures.awaitDrain(load, receivers, Duration.ofMinutes(2), Duration.ofSeconds(3));

    System.out.println(
        figures.line(
            "SmtpOutageIT",
            load,
            "SMTP down 22s, while notifications %d to %d were sent"
                .formatted(downFrom, downUntil)));
    assertThat(figures.accepted()).as("accepted").isEqualTo(figures.sent());
    assertThat(figures.lost()).as("lost").isEmpty();
    assertThat(figures.duplicates()).as("duplicates by channel").isEmpty();
  }
}
