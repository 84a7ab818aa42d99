package dev.herald.core.notification;

import java.time.Instant;
import java.util.UUID;

/** Fired when a notification has been accepted, so that the dispatcher can pick it up at once. */
public record NotificationAccepted(UUID notificationId, Instant startAt) {}
