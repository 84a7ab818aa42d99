package dev.herald.api.common;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;

/**
 * Answers HEAD on a Server-Sent Events resource with 405: JAX-RS serves HEAD by running the GET
 * method and dropping its body, and a stream's GET never ends, so the HEAD would never be answered.
 * The servlet request tells the method the client sent: Jersey presents such a HEAD to filters as
 * the GET it runs.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class EventStreamHeadFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;

  @Context Configuration config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!HeraldScope.applies(config, request.getUriInfo())) {
      return;
    }
    var sent = servletRequest == null ? request.getMethod() : servletRequest.getMethod();
    if (HttpMethod.HEAD.equals(sent) && producesEvents()) {
      request.abortWith(
          Response.fromResponse(
                  ErrorMapper.respond(
                      405, ErrorResponse.of("HEAD is not served on an event stream")))
              .header(HttpHeaders.ALLOW, HttpMethod.GET)
              .build());
    }
  }

  private boolean producesEvents() {
    var method = resource.getResourceMethod();
    if (method == null) {
      return false;
    }
    var produces = method.getAnnotation(Produces.class);
    return produces != null
        && Arrays.stream(produces.value())
            .anyMatch(type -> type.startsWith(MediaType.SERVER_SENT_EVENTS));
  }
}
