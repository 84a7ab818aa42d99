package dev.herald.core.notification;

import java.util.UUID;

/** Fired when a notification has been cancelled, so that it is logged once that has committed. */
record NotificationCancelled(UUID notificationId, String organizationId, String cancelledBy) {}
