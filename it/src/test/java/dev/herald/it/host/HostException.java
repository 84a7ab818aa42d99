package dev.herald.it.host;

/** The host's own failure, with its own mapper. */
public class HostException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public HostException(String message) {
    super(message);
  }
}
