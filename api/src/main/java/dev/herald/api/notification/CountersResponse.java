package dev.herald.api.notification;

import dev.herald.core.notification.Counters;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/** How far a notification's deliveries got, in total and per channel. */
@JsonbPropertyOrder({"recipients", "delivered", "failed", "pending", "byChannel"})
public record CountersResponse(
    Integer recipients,
    long delivered,
    long failed,
    long pending,
    Map<String, ChannelResponse> byChannel) {

  /** The delivery counts of one channel. */
  @JsonbPropertyOrder({"delivered", "failed", "pending"})
  public record ChannelResponse(long delivered, long failed, long pending) {}

  static CountersResponse of(Counters c) {
    if (c == null) {
      return null;
    }
    var channels = new LinkedHashMap<String, ChannelResponse>();
    c.byChannel()
        .forEach(
            (channel, n) ->
                channels.put(channel, new ChannelResponse(n.delivered(), n.failed(), n.pending())));
    return new CountersResponse(c.recipients(), c.delivered(), c.failed(), c.pending(), channels);
  }
}
