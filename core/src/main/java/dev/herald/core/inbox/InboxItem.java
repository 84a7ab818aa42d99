package dev.herald.core.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification in one member's inbox.
 *
 * @param id the item's position in the inbox, increasing; used as the SSE event id
 * @param memberId the member whose inbox it is in
 */
public record InboxItem(
    long id,
    UUID memberId,
    UUID notificationId,
    String title,
    String text,
    String jigId,
    String screen,
    String inputs,
    Instant createdAt,
    Instant readAt) {

  public boolean read() {
    return readAt != null;
  }
}
