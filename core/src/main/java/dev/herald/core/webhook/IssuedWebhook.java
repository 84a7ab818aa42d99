package dev.herald.core.webhook;

/**
 * A webhook with its secret in the clear: only in the answer that created or rotated it.
 *
 * @param webhook the webhook
 * @param secret {@code whsec_…}, shown once
 */
public record IssuedWebhook(Webhook webhook, String secret) {}
