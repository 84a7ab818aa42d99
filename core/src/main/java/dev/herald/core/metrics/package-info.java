/**
 * Herald's meters, one registry per application, and their Prometheus text for {@code GET
 * /v2.0/metrics} (docs/adr/0018).
 */
package dev.herald.core.metrics;
