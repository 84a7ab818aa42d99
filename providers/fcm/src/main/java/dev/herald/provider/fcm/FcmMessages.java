package dev.herald.provider.fcm;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import dev.herald.spi.Delivery;
import java.time.Duration;
import java.time.Instant;

/** Turns a delivery into an FCM v1 message for one Android device. */
final class FcmMessages {

  /** FCM refuses a longer time to live. */
  static final Duration MAX_TTL = Duration.ofDays(28);

  private FcmMessages() {}

  /**
   * The message for {@code delivery} as of {@code now}.
   *
   * @throws IllegalArgumentException when FCM could not accept it, e.g. an empty token
   */
  static Message of(Delivery delivery, Instant now) {
    return Message.builder()
        .setToken(delivery.address())
        .setNotification(
            Notification.builder().setTitle(delivery.title()).setBody(delivery.text()).build())
        // the app reads the deep link from data: notificationId, jigId, screen, inputs
        .putAllData(delivery.deepLink())
        .setAndroidConfig(android(delivery, now))
        .build();
  }

  private static AndroidConfig android(Delivery delivery, Instant now) {
    var android =
        AndroidConfig.builder()
            .setCollapseKey(delivery.collapseId())
            .setPriority(
                "high".equals(delivery.priority())
                    ? AndroidConfig.Priority.HIGH
                    : AndroidConfig.Priority.NORMAL);
    if (delivery.expiresAt() != null) {
      android.setTtl(ttl(delivery.expiresAt(), now).toMillis());
    }
    if (delivery.sound() || delivery.badge() != null) {
      var notification = AndroidNotification.builder();
      if (delivery.sound()) {
        notification.setSound("default");
      }
      if (delivery.badge() != null) {
        notification.setNotificationCount(delivery.badge());
      }
      android.setNotification(notification.build());
    }
    return android.build();
  }

  /** Whole seconds left; 0 (deliver now or never) once expired. */
  static Duration ttl(Instant expiresAt, Instant now) {
    var left = Duration.ofSeconds(Duration.between(now, expiresAt).getSeconds());
    return left.isNegative() ? Duration.ZERO : left.compareTo(MAX_TTL) > 0 ? MAX_TTL : left;
  }
}
