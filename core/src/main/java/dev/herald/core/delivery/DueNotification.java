package dev.herald.core.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notification leased for dispatching, with what its fan-out needs.
 *
 * @param attempt which attempt this is, counting from 1
 * @param createdAt when it was accepted, for the end-to-end latency of its in-app deliveries
 */
record DueNotification(
    UUID id,
    String organizationId,
    String scope,
    UUID solutionId,
    List<String> channels,
    Integer ttlSeconds,
    int attempt,
    Instant createdAt) {}
