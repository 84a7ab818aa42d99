package dev.herald.provider.fcm;

import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.FirebaseMessagingException;
import dev.herald.spi.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/** What a failed FCM send means for Herald: a bad token, a later retry, or a refused message. */
final class FcmOutcomes {

  /** Reasons end up in the delivery's last error; firebase-admin's may hold a whole HTML page. */
  private static final int MAX_REASON = 300;

  private FcmOutcomes() {}

  static DeliveryResult failed(Throwable error) {
    if (error instanceof FirebaseMessagingException fcm) {
      return failed(fcm);
    }
    if (error instanceof CancellationException) {
      return new DeliveryResult.RetryLater(null, "FCM request cancelled");
    }
    // not an answer from FCM: nothing says the message is wrong
    return new DeliveryResult.RetryLater(null, reason("FCM request failed: " + error));
  }

  static DeliveryResult failed(FirebaseMessagingException e) {
    var code = e.getMessagingErrorCode();
    if (code == null) {
      return withoutFcmCode(e);
    }
    var reason = reason(code + ": " + e.getMessage());
    return switch (code) {
      case UNREGISTERED, SENDER_ID_MISMATCH -> new DeliveryResult.InvalidRecipient(null, reason);
      case INVALID_ARGUMENT ->
          concernsToken(e)
              ? new DeliveryResult.InvalidRecipient(null, reason)
              : new DeliveryResult.Rejected(reason);
      case QUOTA_EXCEEDED, UNAVAILABLE, INTERNAL ->
          new DeliveryResult.RetryLater(retryAfter(e, Instant.now()), reason);
      default -> new DeliveryResult.Rejected(reason);
    };
  }

  /**
   * No FCM error code: either no answer at all (refused connection, timeout) or one from something
   * in between, such as a proxy's 502. Both are worth another try; other statuses are not.
   */
  private static DeliveryResult withoutFcmCode(FirebaseMessagingException e) {
    var reason = reason(e.getErrorCode() + ": " + e.getMessage());
    var response = e.getHttpResponse();
    if (response == null) {
      return new DeliveryResult.RetryLater(null, reason);
    }
    var status = response.getStatusCode();
    return status == 429 || status >= 500
        ? new DeliveryResult.RetryLater(retryAfter(e, Instant.now()), reason)
        : new DeliveryResult.Rejected(reason);
  }

  /**
   * FCM answers INVALID_ARGUMENT for a malformed token and for a malformed message alike; the token
   * case names the registration token in its message or the field {@code message.token} in a
   * BadRequest detail.
   */
  private static boolean concernsToken(FirebaseMessagingException e) {
    var message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    var response = e.getHttpResponse();
    var body = response == null ? "" : String.valueOf(response.getContent());
    return message.contains("registration token") || body.contains("\"message.token\"");
  }

  /** The response's Retry-After, in seconds or as an HTTP date; {@code null} when absent. */
  static Duration retryAfter(FirebaseMessagingException e, Instant now) {
    var response = e.getHttpResponse();
    var value = response == null ? null : header(response, "Retry-After");
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static String header(IncomingHttpResponse response, String name) {
    for (var header : response.getHeaders().entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        var value = header.getValue();
        if (value instanceof List<?> values) {
          value = values.isEmpty() ? null : values.get(0);
        }
        return value == null ? null : value.toString().strip();
      }
    }
    return null;
  }

  private static String reason(String text) {
    var line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 1) + "…";
  }
}
