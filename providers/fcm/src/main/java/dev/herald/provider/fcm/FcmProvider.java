package dev.herald.provider.fcm;

import com.google.api.core.ApiFuture;
import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Sends each delivery as one FCM v1 request. firebase-admin retries 500 and 503 a few times on its
 * own, with backoff and bounded; what it gives up on comes back to Herald's retry policy once.
 */
final class FcmProvider implements DeliveryProvider {

  private final FirebaseApp app;
  private final FirebaseMessaging messaging;
  private final int batchSize;

  FcmProvider(FirebaseApp app, FirebaseMessaging messaging, int threads) {
    this.app = app;
    this.messaging = messaging;
    this.batchSize = Math.max(100, threads * 10);
  }

  @Override
  public int maxBatchSize() {
    return batchSize;
  }

  @Override
  public CompletionStage<List<DeliveryResult>> send(List<Delivery> batch) {
    var results = batch.stream().map(this::send).toList();
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenApply(done -> results.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<DeliveryResult> send(Delivery delivery) {
    var result = new CompletableFuture<DeliveryResult>();
    ApiFuture<String> sent = messaging.sendAsync(message(delivery));
    sent.addListener(() -> result.complete(outcome(sent)), Runnable::run);
    return result;
  }

  static Message message(Delivery delivery) {
    var android =
        AndroidConfig.builder()
            .setCollapseKey(delivery.collapseId())
            .setPriority(
                "high".equals(delivery.priority())
                    ? AndroidConfig.Priority.HIGH
                    : AndroidConfig.Priority.NORMAL);
    if (delivery.expiresAt() != null) {
      var ttl = Duration.between(Instant.now(), delivery.expiresAt());
      android.setTtl(Math.max(0, ttl.toMillis()));
    }
    var notification = AndroidNotification.builder();
    if (delivery.sound()) {
      notification.setSound("default");
    }
    if (delivery.badge() != null) {
      notification.setNotificationCount(delivery.badge());
    }
    android.setNotification(notification.build());
    return Message.builder()
        .setToken(delivery.address())
        .setNotification(
            Notification.builder().setTitle(delivery.title()).setBody(delivery.text()).build())
        .putAllData(delivery.deepLink())
        .setAndroidConfig(android.build())
        .build();
  }

  private static DeliveryResult outcome(ApiFuture<String> sent) {
    try {
      return new DeliveryResult.Delivered(sent.get());
    } catch (ExecutionException e) {
      return e.getCause() instanceof FirebaseMessagingException fcm
          ? failure(fcm)
          : new DeliveryResult.RetryLater(null, "FCM request failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.RetryLater(null, "interrupted");
    }
  }

  static DeliveryResult failure(FirebaseMessagingException e) {
    var code = e.getMessagingErrorCode();
    var reason = (code == null ? e.getErrorCode().name() : code.name()) + ": " + e.getMessage();
    if (code == MessagingErrorCode.UNREGISTERED || code == MessagingErrorCode.SENDER_ID_MISMATCH) {
      return new DeliveryResult.InvalidRecipient(null, reason);
    }
    if (code == MessagingErrorCode.INVALID_ARGUMENT && concernsToken(e)) {
      return new DeliveryResult.InvalidRecipient(null, reason);
    }
    if (code == MessagingErrorCode.QUOTA_EXCEEDED
        || code == MessagingErrorCode.UNAVAILABLE
        || code == MessagingErrorCode.INTERNAL) {
      return new DeliveryResult.RetryLater(retryAfter(e), reason);
    }
    return new DeliveryResult.Rejected(reason);
  }

  /** FCM answers INVALID_ARGUMENT for a malformed token and for a malformed message alike. */
  private static boolean concernsToken(FirebaseMessagingException e) {
    var message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("registration token") || message.contains("message.token");
  }

  /** The service's Retry-After in seconds, when it sent one. */
  static Duration retryAfter(FirebaseMessagingException e) {
    var response = e.getHttpResponse();
    if (response == null) {
      return null;
    }
    for (var header : response.getHeaders().entrySet()) {
      if (header.getKey().equalsIgnoreCase("retry-after")) {
        var value =
            header.getValue() instanceof List<?> list && !list.isEmpty()
                ? list.get(0)
                : header.getValue();
        try {
          return Duration.ofSeconds(Long.parseLong(String.valueOf(value).trim()));
        } catch (NumberFormatException ignored) {
          return null;
        }
      }
    }
    return null;
  }

  @Override
  public void close() {
    app.delete();
  }
}
