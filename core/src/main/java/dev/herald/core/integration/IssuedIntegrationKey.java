package dev.herald.core.integration;

/**
 * An integration key just created: the only moment the key exists outside the caller's hands.
 *
 * @param companyId the organization's company id, which the Push API asks for with the key
 */
public record IssuedIntegrationKey(IntegrationKey key, int companyId, String secret) {}
