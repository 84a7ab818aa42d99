package dev.herald.core.common;

/** The caller is known but its role does not allow the operation. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
