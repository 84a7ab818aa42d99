package dev.herald.api.common;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses {@code OPTIONS} everywhere with a 405 before any resource is matched. Left to the
 * container, it describes the API (Jersey answers with WADL) to anyone, without a token; Herald
 * needs no CORS pre-flight, so it offers no {@code OPTIONS} at all, the same on every server.
 */
@Provider
@PreMatching
public class NoOptionsFilter implements ContainerRequestFilter {

  @Context Configuration config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (HttpMethod.OPTIONS.equals(request.getMethod())
        && HeraldScope.applies(config, request.getUriInfo())) {
      request.abortWith(
          Response.status(Response.Status.METHOD_NOT_ALLOWED)
              .type(MediaType.APPLICATION_JSON)
              .entity(ErrorResponse.of("Method not allowed"))
              .build());
    }
  }
}
