package dev.herald.core.common;

/** A thing the caller named does not exist, or is not visible to the caller. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
