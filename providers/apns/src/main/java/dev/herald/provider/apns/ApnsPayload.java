package dev.herald.provider.apns;

import com.eatthepath.json.JsonParser;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import dev.herald.spi.Delivery;
import java.text.ParseException;

/**
 * The APNs payload of a delivery: the alert, sound and badge under {@code aps}, and the deep link
 * ({@code notificationId}, {@code jigId}, {@code screen}, {@code inputs} as a JSON object) as
 * custom top-level keys the app reads when the notification is tapped.
 */
final class ApnsPayload {

  private ApnsPayload() {}

  static String of(Delivery delivery) {
    var builder = new SimpleApnsPayloadBuilder();
    builder.setAlertTitle(delivery.title());
    builder.setAlertBody(delivery.text());
    if (delivery.sound()) {
      builder.setSound("default");
    }
    if (delivery.badge() != null) {
      builder.setBadgeNumber(delivery.badge());
    }
    builder.addCustomProperty("notificationId", delivery.notificationId());
    if (delivery.jigId() != null) {
      builder.addCustomProperty("jigId", delivery.jigId());
    }
    builder.addCustomProperty("screen", delivery.screen());
    builder.addCustomProperty("inputs", inputs(delivery.inputs()));
    return builder.build();
  }

  private static Object inputs(String json) {
    try {
      return new JsonParser().parseJsonObject(json);
    } catch (ParseException e) {
      throw new IllegalArgumentException("inputs is not a JSON object: " + e.getMessage(), e);
    }
  }
}
