package dev.herald.api.pushapi;

import dev.herald.api.common.ErrorResponse;
import dev.herald.api.pushapi.ResponseStatus.ResponseError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Herald's errors on the Push API's path in the Push API's shape: what the layers before and around
 * the resource refuse (a body too large, a malformed header, a database outage, a method other than
 * POST) is answered as a {@code ResponseStatus} in the format asked for, as the resource's own
 * refusals are, so that a Push API client never meets Herald's {@code {"message"}}.
 */
@Provider
public class PushApiErrors implements ContainerResponseFilter {

  private static final String PATH = "api/v2/push";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(response.getEntity() instanceof ErrorResponse error) || !isPushApi(request)) {
      return;
    }
    var format = format(request);
    var errors =
        error.errors() == null
            ? List.<ResponseError>of()
            : error.errors().stream()
                .map(e -> new ResponseError("Invalid", e.field(), e.message()))
                .toList();
    var status =
        new ResponseStatus(
            errors.isEmpty() ? ResponseStatus.codeFor(response.getStatus()) : "ValidationException",
            error.message(),
            errors);
    response.setEntity(
        PushAnswers.refused(status, format), response.getEntityAnnotations(), format.mediaType());
  }

  private static boolean isPushApi(ContainerRequestContext request) {
    var path = request.getUriInfo().getPath();
    var relative = path.startsWith("/") ? path.substring(1) : path;
    return relative.equals(PATH) || relative.equals(PATH + "/");
  }

  /** The format asked for; XML when that cannot be told, as for a request that says nothing. */
  private static PushFormat format(ContainerRequestContext request) {
    try {
      return PushFormat.ofAnswer(
              request.getUriInfo().getQueryParameters().getFirst("format"),
              request.getAcceptableMediaTypes())
          .orElse(PushFormat.XML);
    } catch (RuntimeException e) {
      return PushFormat.XML;
    }
  }
}
