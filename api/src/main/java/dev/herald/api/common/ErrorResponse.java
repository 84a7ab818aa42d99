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
}
