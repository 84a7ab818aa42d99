package dev.herald.core.delivery;

import java.util.List;
import java.util.UUID;

/**
 * A notification leased for dispatching, with what its fan-out needs.
 *
 * @param attempt which attempt this is, counting from 1
 */
record DueNotification(
    UUID id,
    String organizationId,
    String scope,
    UUID solutionId,
    List<String> channels,
    Integer ttlSeconds,
    int attempt) {}
