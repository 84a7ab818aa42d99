/**
 * Inbound webhooks (ADR 0015): an organization's endpoints that external systems post notifications
 * to, authenticated by Standard Webhooks signatures (HMAC-SHA256) instead of a token. Their secrets
 * are kept encrypted with the server's key ({@code herald.webhooks.secret-key}).
 */
package dev.herald.core.webhook;
