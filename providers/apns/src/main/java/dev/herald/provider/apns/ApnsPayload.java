package dev.herald.provider.apns;

import com.eatthepath.json.JsonParser;
import com.eatthepath.pushy.apns.util.ApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import dev.herald.spi.Delivery;
import java.text.ParseException;

/**
 * The APNs payload of a delivery: the alert, sound and badge under {@code aps}, and the deep link
 * ({@code notificationId}, {@code jigId}, {@code screen}, {@code inputs}) as custom top-level keys
 * the app reads when the notification is tapped. {@code inputs} is the JSON object itself, not a
 * string holding it, so the app reads it without parsing twice.
 */
final class ApnsPayload {

  private ApnsPayload() {}

  /**
   * @throws IllegalArgumentException when the inputs are not a JSON object
   */
  static String of(Delivery delivery) {
    var builder = new SimpleApnsPayloadBuilder();
    builder.setAlertTitle(delivery.title());
    builder.setAlertBody(delivery.text());
    if (delivery.sound()) {
      builder.setSound(ApnsPayloadBuilder.DEFAULT_SOUND_FILENAME);
    }
    if (delivery.badge() != null) {
      builder.setBadgeNumber(delivery.badge());
    }
    if (delivery.jigId() != null) {
      builder.addCustomProperty("jigId", delivery.jigId());
    }
    builder.addCustomProperty("screen", delivery.screen());
    builder.addCustomProperty("inputs", inputs(delivery.inputs()));
    builder.addCustomProperty("notificationId", delivery.notificationId());
    return builder.build();
  }

  /** Parsed with pushy's own JSON reader, so that pushy's writer puts it back as an object. */
  private static Object inputs(String json) {
    try {
      return new JsonParser().parseJsonObject(json);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("inputs is not a JSON object: " + e.getMessage(), e);
    }
  }
}
