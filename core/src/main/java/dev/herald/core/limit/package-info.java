/**
 * Send limits per credential (a token, an integration key, a webhook): requests counted per minute
 * in the database that every node shares, taken in blocks per node, so that a limit holds across
 * nodes without a transaction per request (ADR 0013).
 */
package dev.herald.core.limit;
