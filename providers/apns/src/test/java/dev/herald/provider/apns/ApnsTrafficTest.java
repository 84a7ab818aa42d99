package dev.herald.provider.apns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The clock by which an answer from APNs is overdue, on the client's connections. */
class ApnsTrafficTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  @Test
  void withAConnectionOpenBeforeTheHandoverTheAnswerIsDueOnePatienceLater() {
    var traffic = new ApnsTraffic();
    traffic.handleConnectionAdded(null);
    var handedOver = System.nanoTime() + SECOND;

    assertThat(traffic.nanosUntilOverdue(handedOver, handedOver, PATIENCE))
        .isEqualTo(PATIENCE.toNanos());
  }

  @Test
  void aConnectionOpenedAfterTheHandoverStartsTheClockAgain() {
    var traffic = new ApnsTraffic();
    var before = System.nanoTime();
    traffic.handleConnectionAdded(null);
    var after = System.nanoTime();
    var handedOver = before - 15 * SECOND;

    // due 20 s after the connection opened, not 5 s after "now" (= the moment it opened)
    assertThat(traffic.nanosUntilOverdue(handedOver, after, PATIENCE))
        .isBetween(PATIENCE.toNanos() - (after - before), PATIENCE.toNanos());
  }

  @Test
  void noAnswerIsAwaitedLongerThanTwiceThePatience() {
    var traffic = new ApnsTraffic();
    var before = System.nanoTime();
    traffic.handleConnectionAdded(null);
    var handedOver = before - 30 * SECOND;

    assertThat(traffic.nanosUntilOverdue(handedOver, before, PATIENCE)).isEqualTo(10 * SECOND);
  }

  @Test
  void withoutAnyConnectionTheClientIsGivenTwiceThePatienceToConnectOrFail() {
    var traffic = new ApnsTraffic();
    var handedOver = System.nanoTime();

    assertThat(traffic.nanosUntilOverdue(handedOver, handedOver + SECOND, PATIENCE))
        .isEqualTo(39 * SECOND);
  }

  @Test
  void connectionsThatClosedAgainCountAsNone() {
    var traffic = new ApnsTraffic();
    traffic.handleConnectionAdded(null);
    traffic.handleConnectionRemoved(null);
    var handedOver = System.nanoTime() + SECOND;

    assertThat(traffic.nanosUntilOverdue(handedOver, handedOver, PATIENCE))
        .isEqualTo(2 * PATIENCE.toNanos());
  }
}
