package dev.herald.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired when a notification has been accepted, so that the dispatcher can pick it up at once and
 * the acceptance is logged once the transaction has committed.
 *
 * @param state {@link NotificationState#QUEUED} or {@link NotificationState#SCHEDULED}
 * @param sentVia the API that accepted it, as {@link Notification#sentVia()}
 */
public record NotificationAccepted(
    UUID notificationId,
    String organizationId,
    Scope scope,
    NotificationState state,
    Instant startAt,
    List<String> channels,
    String sentVia) {

  static NotificationAccepted of(Notification n) {
    return new NotificationAccepted(
        n.id(), n.organizationId(), n.scope(), n.state(), n.startAt(), n.channels(), n.sentVia());
  }
}
