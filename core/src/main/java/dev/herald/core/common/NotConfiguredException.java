package dev.herald.core.common;

/**
 * A feature was used that this installation has not been configured for; the message names the
 * missing setting. Not the caller's fault and not a bug: an operator has to set it.
 */
public class NotConfiguredException extends RuntimeException {
  public NotConfiguredException(String message) {
    super(message);
  }
}
