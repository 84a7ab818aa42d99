package dev.herald.api.metrics;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/** Tells {@link RequestMetricsFilter} which route template a request matched. */
final class RouteTagger implements ContainerRequestFilter {

  static final String PROPERTY = "dev.herald.api.metrics.route";

  private final String route;

  RouteTagger(String route) {
    this.route = route;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(PROPERTY, route);
  }
}
