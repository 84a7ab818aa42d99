package dev.herald.core.common;

/** An idempotency key that stands for a different request: the REST API answers 422. */
public class IdempotencyKeyReusedException extends RuntimeException {
  public IdempotencyKeyReusedException(String message) {
    super(message);
  }
}
