package dev.herald.api.common;

import dev.herald.core.runtime.Lifecycle;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses every request with 503 and {@code Retry-After} once this node has begun to stop, so that
 * a client or load balancer retries on another node instead of seeing a server error.
 */
@Provider
@PreMatching
public class StoppingFilter implements ContainerRequestFilter {

  @Context Configuration config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (Lifecycle.isStopping() && HeraldScope.applies(config, request.getUriInfo())) {
      request.abortWith(Unavailable.response("This Herald node is shutting down; retry"));
    }
  }
}
