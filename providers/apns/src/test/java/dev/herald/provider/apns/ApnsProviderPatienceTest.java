package dev.herald.provider.apns;

import static dev.herald.provider.apns.ApnsProviderTest.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryResult;
import dev.herald.spi.DeliveryResult.RetryLater;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A hung APNs (no answer at all) or a sender that fails outright must keep neither slots nor the
 * caller, and a push still waiting in the client for its first connection must not be given up (it
 * would go out twice): these run the provider on a sender whose answers the test controls.
 */
class ApnsProviderPatienceTest {

  private static final Duration SHORT = Duration.ofMillis(200);
  private static final Duration LONG = Duration.ofMinutes(5);

  /** What was handed to "pushy", still unanswered unless the test answers it. */
  private final List<CompletableFuture<PushNotificationResponse<SimpleApnsPushNotification>>>
      handedOver = new CopyOnWriteArrayList<>();

  /** A client with a connection open: what it holds has been written to APNs. */
  private static ApnsTraffic connected() {
    var traffic = new ApnsTraffic();
    traffic.handleConnectionAdded(null);
    return traffic;
  }

  private final ApnsProvider.Sender unanswered =
      notification -> {
        var response =
            new CompletableFuture<PushNotificationResponse<SimpleApnsPushNotification>>();
        handedOver.add(response);
        return response;
      };

  @Test
  void unansweredNotificationsAreRetriedLaterAndGiveTheirSlotsBack() throws Exception {
    try (var provider = new ApnsProvider(unanswered, connected(), () -> {}, "t", 2, LONG, SHORT)) {
      var first = send(provider, List.of(delivery("a1"), delivery("a2")));
      assertThat(first)
          .containsExactly(
              new RetryLater(null, "no answer from APNs in time (200 ms)"),
              new RetryLater(null, "no answer from APNs in time (200 ms)"));

      // had the slots not come back, these would wait five minutes for one
      var second = send(provider, List.of(delivery("a3"), delivery("a4")));
      assertThat(second).containsExactlyElementsOf(first);
      assertThat(handedOver).hasSize(4);
    }
  }

  @Test
  void theLanesBatchGoesOnASenderOfItsOwnWhileTheSharedOneHasNotAnswered() throws Exception {
    var onTheLane = new CopyOnWriteArrayList<String>();
    ApnsProvider.Sender lane =
        notification -> {
          onTheLane.add(notification.getToken());
          return CompletableFuture.failedFuture(new IOException("answered on the lane"));
        };
    try (var provider =
        new ApnsProvider(unanswered, lane, connected(), () -> {}, "t", 3, LONG, LONG)) {
      var broadcast = provider.send(List.of(delivery("s1"), delivery("s2"))).toCompletableFuture();

      var ahead =
          provider
              .sendAhead(List.of(delivery("l1")))
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);

      assertThat(ahead)
          .containsExactly(
              new RetryLater(
                  null, "APNs request failed: java.io.IOException: answered on the lane"));
      assertThat(onTheLane).containsExactly("l1");
      assertThat(handedOver).as("the broadcast's, on the shared sender").hasSize(2);
      assertThat(broadcast).isNotDone();
    }
  }

  @Test
  void aBatchWithUnansweredPushesLogsOneWarningWithTheClientsCounts() throws Exception {
    var logger = Logger.getLogger(ApnsProvider.class.getName());
    var warnings = new CopyOnWriteArrayList<String>();
    var handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel() == Level.WARNING) {
              warnings.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try (var provider = new ApnsProvider(unanswered, connected(), () -> {}, "t", 3, LONG, SHORT)) {
      send(provider, List.of(delivery("b1"), delivery("b2"), delivery("b3")));
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(warnings)
        .containsExactly(
            "APNs: 3 of a batch of 3 had no answer in time (200 ms) and will be retried; since"
                + " start: 3 handed to the client, 0 written to a connection, 0 answered, 0 failed"
                + " to write, 1 connections open");
  }

  @Test
  void aPushWaitingForTheClientsFirstConnectionIsNotGivenUpWhileItOpens() throws Exception {
    var patience = Duration.ofSeconds(2);
    var traffic = new ApnsTraffic();
    try (var provider = new ApnsProvider(unanswered, traffic, () -> {}, "t", 1, LONG, patience)) {
      var sentAt = System.nanoTime();
      var result = provider.send(List.of(delivery("w1"))).toCompletableFuture();

      sleepUntil(sentAt, Duration.ofSeconds(1));
      traffic.handleConnectionAdded(null);
      // past the patience since the handover, short of it since the connection opened
      sleepUntil(sentAt, Duration.ofMillis(2_400));
      assertThat(result).isNotDone();

      handedOver.get(0).completeExceptionally(new IOException("stream reset"));
      assertThat(result.get(10, TimeUnit.SECONDS))
          .containsExactly(
              new RetryLater(null, "APNs request failed: java.io.IOException: stream reset"));
    }
  }

  @Test
  void withoutAConnectionAPushIsGivenUpAtTwiceThePatience() throws Exception {
    try (var provider =
        new ApnsProvider(unanswered, new ApnsTraffic(), () -> {}, "t", 1, LONG, SHORT)) {
      var start = System.nanoTime();
      assertThat(send(provider, List.of(delivery("n1"))))
          .containsExactly(new RetryLater(null, "no answer from APNs in time (200 ms)"));
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(SHORT.multipliedBy(2));
    }
  }

  private static void sleepUntil(long start, Duration after) throws InterruptedException {
    var left = start + after.toNanos() - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  @Test
  void whenNoSlotFreesUpInTimeTheRestOfTheBatchIsRetriedLaterAtOnce() throws Exception {
    try (var provider =
        new ApnsProvider(unanswered, new ApnsTraffic(), () -> {}, "t", 1, SHORT, LONG)) {
      var results =
          provider
              .send(List.of(delivery("b1"), delivery("b2"), delivery("b3")))
              .toCompletableFuture();
      // b1 holds the only slot; b2 waited for it in vain, b3 did not wait at all
      assertThat(handedOver).hasSize(1);
      handedOver.get(0).completeExceptionally(new IOException("connection closed"));

      assertThat(results.get(10, TimeUnit.SECONDS))
          .containsExactly(
              new RetryLater(null, "APNs request failed: java.io.IOException: connection closed"),
              new RetryLater(null, "APNs busy: no free slot within 200 ms"),
              new RetryLater(null, "APNs busy: no free slot within 200 ms"));

      // the failure gave the slot back
      var next = provider.send(List.of(delivery("b4"))).toCompletableFuture();
      assertThat(handedOver).hasSize(2);
      handedOver.get(1).completeExceptionally(new IOException("reset"));
      assertThat(next.get(10, TimeUnit.SECONDS))
          .containsExactly(new RetryLater(null, "APNs request failed: java.io.IOException: reset"));
    }
  }

  @Test
  void aSenderThatThrowsGivesRetryLaterAndItsSlotBack() throws Exception {
    ApnsProvider.Sender throwing =
        notification -> {
          throw new IllegalStateException("client closed");
        };
    try (var provider =
        new ApnsProvider(throwing, new ApnsTraffic(), () -> {}, "t", 1, SHORT, SHORT)) {
      var results = send(provider, List.of(delivery("c1"), delivery("c2")));

      var failed =
          new RetryLater(
              null, "APNs request failed: java.lang.IllegalStateException: client closed");
      assertThat(results).containsExactly(failed, failed);
    }
  }

  private static List<DeliveryResult> send(ApnsProvider provider, List<Delivery> batch)
      throws Exception {
    return provider.send(batch).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
