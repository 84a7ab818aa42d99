package dev.herald.api.webhook;

import dev.herald.core.common.Timestamps;
import dev.herald.core.webhook.Webhook;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A webhook; {@code secret} only in the answer that created or rotated it. */
@JsonbPropertyOrder({
  "id",
  "url",
  "secret",
  "name",
  "sendsPerMinute",
  "createdAt",
  "createdBy",
  "rotatedAt",
  "previousSecretExpiresAt",
  "revokedAt"
})
public record WebhookResponse(
    String id,
    String url,
    String secret,
    String name,
    Integer sendsPerMinute,
    String createdAt,
    String createdBy,
    String rotatedAt,
    String previousSecretExpiresAt,
    String revokedAt) {

  static WebhookResponse of(Webhook w, String url, String secret) {
    return new WebhookResponse(
        w.id().toString(),
        url,
        secret,
        w.name(),
        w.sendsPerMinute(),
        Timestamps.format(w.createdAt()),
        w.createdBy(),
        Timestamps.format(w.rotatedAt()),
        Timestamps.format(w.previousSecretExpiresAt()),
        Timestamps.format(w.revokedAt()));
  }
}
