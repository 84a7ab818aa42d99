package dev.herald.api.notification;

import dev.herald.core.common.Timestamps;
import dev.herald.core.notification.DeliveryView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One delivery of a notification: to whom, over what, and how it went. */
@JsonbPropertyOrder({
  "id",
  "memberId",
  "email",
  "channel",
  "platform",
  "deviceId",
  "state",
  "attempts",
  "lastError",
  "providerMessageId",
  "updatedAt"
})
public record DeliveryResponse(
    String id,
    String memberId,
    String email,
    String channel,
    String platform,
    String deviceId,
    String state,
    int attempts,
    String lastError,
    String providerMessageId,
    String updatedAt) {

  static DeliveryResponse of(DeliveryView d) {
    return new DeliveryResponse(
        Long.toString(d.id()),
        d.memberId().toString(),
        d.email(),
        d.channel(),
        d.platform(),
        d.deviceId() == null ? null : d.deviceId().toString(),
        d.state(),
        d.attempts(),
        d.lastError(),
        d.providerMessageId(),
        Timestamps.format(d.updatedAt()));
  }
}
