package dev.herald.core.common;

/**
 * The request clashes with the current state, e.g. a duplicate e-mail or a started notification.
 */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
