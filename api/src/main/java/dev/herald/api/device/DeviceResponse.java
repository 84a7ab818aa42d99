package dev.herald.api.device;

import dev.herald.core.common.Timestamps;
import dev.herald.core.device.Device;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A registered device; the token is shown only by its last characters. */
@JsonbPropertyOrder({"id", "memberId", "platform", "tokenSuffix", "active", "registeredAt"})
public record DeviceResponse(
    String id,
    String memberId,
    String platform,
    String tokenSuffix,
    boolean active,
    String registeredAt) {

  public static DeviceResponse of(Device d) {
    var token = d.token();
    return new DeviceResponse(
        d.id().toString(),
        d.memberId().toString(),
        d.platform().wireName(),
        token.substring(Math.max(0, token.length() - 6)),
        d.active(),
        Timestamps.format(d.registeredAt()));
  }
}
