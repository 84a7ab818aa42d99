/**
 * Inbound webhooks (ADR 0015): an organization's webhooks (ADMIN), and the endpoint external
 * systems post signed notification requests to, without a token.
 */
package dev.herald.api.webhook;
