package dev.herald.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one delivery.
 *
 * @since 0.1
 */
public sealed interface DeliveryResult {

  /** The provider accepted the message. */
  record Delivered(String providerMessageId) implements DeliveryResult {}

  /** A transient failure: try again, not before {@code retryAfter} when the service said so. */
  record RetryLater(Duration retryAfter, String reason) implements DeliveryResult {}

  /**
   * The address is no longer valid (an unregistered device token, an unknown mailbox). The device
   * is deactivated unless it re-registered after {@code invalidSince}; it is never retried.
   */
  record InvalidRecipient(Instant invalidSince, String reason) implements DeliveryResult {}

  /** A permanent failure that is not the address's fault, e.g. a payload the service refuses. */
  record Rejected(String reason) implements DeliveryResult {}
}
