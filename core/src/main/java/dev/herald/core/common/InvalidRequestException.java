package dev.herald.core.common;

import java.util.List;

/** The request is malformed or names things that do not exist; nothing was changed. */
public class InvalidRequestException extends RuntimeException {

  /** One problem with one field of the request. */
  public record FieldError(String field, String message) {}

  private final transient List<FieldError> errors;

  public InvalidRequestException(String message) {
    this(message, List.of());
  }

  public InvalidRequestException(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  /** Thrown when a list of field errors is not empty; the message summarises them. */
  public static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      var first = errors.get(0);
      var message =
          errors.size() == 1
              ? first.field() + ": " + first.message()
              : first.field() + ": " + first.message() + " (and " + (errors.size() - 1) + " more)";
      throw new InvalidRequestException(message, errors);
    }
  }

  public List<FieldError> errors() {
    return errors;
  }
}
