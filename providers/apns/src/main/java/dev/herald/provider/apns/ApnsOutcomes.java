package dev.herald.provider.apns;

import com.eatthepath.pushy.apns.PushNotificationResponse;
import dev.herald.spi.DeliveryResult;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** What an APNs answer, or the lack of one, means for Herald. */
final class ApnsOutcomes {

  /** Rejections that mean this token will not work for this app again. */
  private static final Set<String> DEAD_TOKEN =
      Set.of("Unregistered", "BadDeviceToken", "DeviceTokenNotForTopic", "ExpiredToken");

  /** Statuses that mean "not now": too many requests, an APNs-side error, or unavailable. */
  private static final Set<Integer> TRANSIENT = Set.of(429, 500, 503);

  private ApnsOutcomes() {}

  static DeliveryResult of(PushNotificationResponse<?> response) {
    if (response.isAccepted()) {
      var apnsId = response.getApnsId();
      return new DeliveryResult.Delivered(apnsId == null ? null : apnsId.toString());
    }
    var status = response.getStatusCode();
    var reason = response.getRejectionReason().orElse("HTTP " + status);
    if (status == 410 || DEAD_TOKEN.contains(reason)) {
      return new DeliveryResult.InvalidRecipient(
          response.getTokenInvalidationTimestamp().orElse(null), reason);
    }
    if (TRANSIENT.contains(status)) {
      return new DeliveryResult.RetryLater(null, reason);
    }
    return new DeliveryResult.Rejected(reason);
  }

  /** The request failed on the way (connection refused or closed, TLS) or was never answered. */
  static DeliveryResult failed(Throwable error, Duration answerTimeout) {
    var cause = cause(error);
    if (cause instanceof TimeoutException) {
      return new DeliveryResult.RetryLater(
          null, "no answer from APNs in time (" + answerTimeout.toMillis() + " ms)");
    }
    return new DeliveryResult.RetryLater(null, "APNs request failed: " + cause);
  }

  /** What went wrong, without the wrapper a dependent future adds. */
  static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
