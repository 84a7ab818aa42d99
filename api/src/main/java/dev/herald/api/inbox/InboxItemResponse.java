package dev.herald.api.inbox;

import dev.herald.api.common.JsonBody;
import dev.herald.core.common.Timestamps;
import dev.herald.core.inbox.InboxItem;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One item of the caller's inbox; {@code id} is also its SSE event id. */
@JsonbPropertyOrder({
  "id",
  "notificationId",
  "title",
  "text",
  "jigId",
  "screen",
  "inputs",
  "read",
  "createdAt",
  "readAt"
})
public record InboxItemResponse(
    String id,
    String notificationId,
    String title,
    String text,
    String jigId,
    String screen,
    JsonObject inputs,
    boolean read,
    String createdAt,
    String readAt) {

  static InboxItemResponse of(InboxItem i) {
    return new InboxItemResponse(
        Long.toString(i.id()),
        i.notificationId().toString(),
        i.title(),
        i.text(),
        i.jigId(),
        i.screen(),
        JsonBody.stored(i.inputs()),
        i.read(),
        Timestamps.format(i.createdAt()),
        Timestamps.format(i.readAt()));
  }
}
