package dev.herald.api.common;

import dev.herald.core.common.InvalidRequestException.FieldError;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The one error shape: {@code {"message": …}}, with field errors for validation failures. */
@JsonbPropertyOrder({"message", "errors"})
public record ErrorResponse(String message, List<FieldError> errors) {

  public static ErrorResponse of(String message) {
    return new ErrorResponse(message, null);
  }

  /** The message of an error status answered without a more precise one. */
  public static String statusMessage(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 408 -> "The request body did not arrive in time";
      case 413 -> "Request body too large";
      case 414 -> "Request URI too long";
      case 415 -> "Unsupported media type";
      case 431 -> "Request headers too large";
      case 503 -> "Service unavailable";
      default -> status >= 500 ? "Internal error" : "Request refused (HTTP " + status + ")";
    };
  }
}
