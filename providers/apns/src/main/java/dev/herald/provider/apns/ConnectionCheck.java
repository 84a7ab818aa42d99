package dev.herald.provider.apns;

import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the client's connections when the provider starts, and says in the log whether APNs accepts
 * the provider's credentials and topic. Without it the first pushes of a node open the connections:
 * on a cold node, while a broadcast fans out on busy cores, the TLS handshakes and everything they
 * initialize held the first iOS pushes for 5 to 16 s (BENCHMARKS, steps 7 to 9). pushy has no call
 * to connect ahead of a push and opens a connection for each send while it has fewer than its
 * limit, so the check sends one push per connection at once, to a device token that cannot exist:
 * APNs checks the credentials and the topic, answers {@code BadDeviceToken}, and no device receives
 * anything.
 */
final class ConnectionCheck {

  /** Not hexadecimal, so it is no device's token; APNs answers {@code BadDeviceToken}. */
  static final String TOKEN = "herald-connection-check";

  private static final Logger LOG = Logger.getLogger(ConnectionCheck.class.getName());

  private ConnectionCheck() {}

  /** How the check went, as the log says it. */
  record Outcome(Level level, String message) {}

  /**
   * Sends one check per connection, at once, and waits, at most {@code patience}, for their
   * answers.
   *
   * @param perConnection the sender of each connection's check: a client's sender once for each of
   *     its connections
   * @return the first answer that says something is wrong, else that all is well
   */
  static Outcome run(List<ApnsProvider.Sender> perConnection, String topic, Duration patience) {
    var began = System.nanoTime();
    var answers =
        perConnection.stream()
            .map(sender -> send(sender, topic))
            .map(answer -> answer.orTimeout(patience.toMillis(), TimeUnit.MILLISECONDS))
            .map(answer -> answer.handle(ConnectionCheck::outcome))
            .toList();
    var outcomes = answers.stream().map(CompletableFuture::join).toList();
    var millis = (System.nanoTime() - began) / 1_000_000;
    return outcomes.stream()
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(
            new Outcome(
                Level.INFO,
                "APNs: %d connection(s) open after %d ms; the credentials and topic were accepted"
                    .formatted(perConnection.size(), millis)));
  }

  /**
   * Runs the check and logs its outcome, unless the provider was closed meanwhile: then the check's
   * failure says nothing about APNs.
   */
  static void runAndLog(
      List<ApnsProvider.Sender> perConnection,
      String topic,
      Duration patience,
      BooleanSupplier closed) {
    var outcome = run(perConnection, topic, patience);
    LOG.log(closed.getAsBoolean() ? Level.FINE : outcome.level(), outcome.message());
  }

  private static CompletableFuture<PushNotificationResponse<SimpleApnsPushNotification>> send(
      ApnsProvider.Sender sender, String topic) {
    try {
      return sender.apply(
          new SimpleApnsPushNotification(
              TOKEN,
              topic,
              "{\"aps\":{\"content-available\":1}}",
              Instant.now(),
              DeliveryPriority.CONSERVE_POWER,
              PushType.BACKGROUND));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** {@code null} when the answer shows that APNs took the connection, credentials and topic. */
  private static Outcome outcome(PushNotificationResponse<?> answer, Throwable error) {
    if (error != null) {
      var cause = ApnsOutcomes.cause(error);
      return new Outcome(
          Level.WARNING,
          cause instanceof TimeoutException
              ? "APNs: no answer to the connection check at start; the first pushes will open the"
                  + " connections"
              : "APNs: could not connect at start (" + cause + "); pushes will try again");
    }
    var reason = answer.getRejectionReason().orElse(null);
    if (answer.isAccepted() || "BadDeviceToken".equals(reason)) {
      return null;
    }
    return new Outcome(
        Level.WARNING,
        "APNs refused the connection check at start: %s (HTTP %d); pushes will be refused the same"
                .formatted(reason, answer.getStatusCode())
            + " way until the provider's settings (credentials, topic, server) are corrected");
  }
}
