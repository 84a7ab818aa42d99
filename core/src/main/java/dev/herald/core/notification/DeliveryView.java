package dev.herald.core.notification;

import java.time.Instant;
import java.util.UUID;

/** One delivery of a notification, as shown to its sender. */
public record DeliveryView(
    long id,
    UUID memberId,
    String email,
    String channel,
    String platform,
    UUID deviceId,
    String state,
    int attempts,
    String lastError,
    String providerMessageId,
    Instant updatedAt) {}
