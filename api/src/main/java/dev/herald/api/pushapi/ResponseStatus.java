package dev.herald.api.pushapi;

import java.util.List;

/**
 * ServiceStack's error shape, which Push API clients read: a code, a message and the fields at
 * fault.
 */
record ResponseStatus(String errorCode, String message, List<ResponseError> errors) {

  ResponseStatus {
    errors = List.copyOf(errors);
  }

  /** One field's problem. */
  record ResponseError(String errorCode, String fieldName, String message) {}

  /** The code of an error without a more precise one: the HTTP status's name, as ServiceStack. */
  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 408 -> "RequestTimeout";
      case 409 -> "Conflict";
      case 413 -> "RequestEntityTooLarge";
      case 415 -> "UnsupportedMediaType";
      case 422 -> "UnprocessableEntity";
      case 429 -> "TooManyRequests";
      case 503 -> "ServiceUnavailable";
      default -> status >= 500 ? "InternalServerError" : "BadRequest";
    };
  }
}
