package dev.herald.core.integration;

import java.util.UUID;

/**
 * Who a Push API request comes from, once its company id and integration key matched.
 *
 * @param keyId the integration key, which names the sender and carries the send limit
 * @param sendsPerMinute the key's own send limit, {@code null} for the installation's
 */
public record PushCredential(String organizationId, UUID keyId, Integer sendsPerMinute) {

  /** How notifications sent with this key name their sender ({@code createdBy}). */
  public String sender() {
    return "integration-key:" + keyId;
  }

  /** How the send limit names this key. */
  public String limitName() {
    return "integration-key:" + keyId;
  }
}
