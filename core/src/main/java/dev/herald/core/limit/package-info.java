/**
 * Send limits per credential (a token; later integration keys and webhooks): requests counted per
 * minute in the database that every node shares, so that a limit holds across nodes (ADR 0013).
 */
package dev.herald.core.limit;
