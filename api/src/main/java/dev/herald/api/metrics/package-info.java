/**
 * {@code GET /v2.0/metrics} for Prometheus, and the API's own request metrics by route template
 * (docs/adr/0018).
 */
package dev.herald.api.metrics;
