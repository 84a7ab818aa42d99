package dev.herald.api.pushapi;

import dev.herald.api.pushapi.ResponseStatus.ResponseError;
import java.util.List;

/** A Push API request refused with a precise {@link ResponseStatus}, answered by the resource. */
final class PushRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient ResponseStatus responseStatus;

  PushRefusal(int status, ResponseStatus responseStatus) {
    super(responseStatus.message(), null, false, false);
    this.status = status;
    this.responseStatus = responseStatus;
  }

  /** A 400 for fields at fault, each with its own code. */
  static PushRefusal invalid(List<ResponseError> errors) {
    var message =
        errors.size() == 1
            ? errors.get(0).fieldName() + ": " + errors.get(0).message()
            : "The request has " + errors.size() + " invalid fields";
    return new PushRefusal(400, new ResponseStatus("ValidationException", message, errors));
  }

  /** A 400 for the body as a whole. */
  static PushRefusal badRequest(String message) {
    return new PushRefusal(400, new ResponseStatus("BadRequest", message, List.of()));
  }

  int status() {
    return status;
  }

  ResponseStatus responseStatus() {
    return responseStatus;
  }
}
