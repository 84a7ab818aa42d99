package dev.herald.api.integration;

import dev.herald.core.common.Timestamps;
import dev.herald.core.integration.IntegrationKey;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * An integration key's metadata; {@code integrationKey} holds the key only in the answer that
 * created it. {@code companyId} is the organization's, which the Push API asks for with the key.
 */
@JsonbPropertyOrder({
  "id",
  "companyId",
  "integrationKey",
  "prefix",
  "name",
  "sendsPerMinute",
  "createdAt",
  "createdBy",
  "revokedAt"
})
public record IntegrationKeyResponse(
    String id,
    int companyId,
    String integrationKey,
    String prefix,
    String name,
    Integer sendsPerMinute,
    String createdAt,
    String createdBy,
    String revokedAt) {

  static IntegrationKeyResponse of(IntegrationKey key, int companyId, String secret) {
    return new IntegrationKeyResponse(
        key.id().toString(),
        companyId,
        secret,
        key.prefix(),
        key.name(),
        key.sendsPerMinute(),
        Timestamps.format(key.createdAt()),
        key.createdBy(),
        key.revokedAt() == null ? null : Timestamps.format(key.revokedAt()));
  }
}
