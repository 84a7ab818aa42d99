package dev.herald.api.metrics;

import dev.herald.api.common.HeraldScope;
import dev.herald.core.metrics.HeraldMetrics;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.TimeUnit;

/**
 * Times every request to Herald's API, from before it is matched to its answer's status, as {@code
 * herald_http_requests_seconds} by method, route template and status. A request that matched no
 * route is counted as {@code route="unmatched"}: its path could be anything. The registry is looked
 * up on first use rather than injected, as {@code AuthFilter} does its services: a host's
 * application may share this provider.
 */
@Provider
@PreMatching
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = "dev.herald.api.metrics.started";
  static final String UNMATCHED = "unmatched";
  private static final java.util.Set<String> METHODS =
      java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  @Context Configuration config;

  private volatile HeraldMetrics metrics;

  @Override
  public void filter(ContainerRequestContext request) {
    if (HeraldScope.applies(config, request.getUriInfo())) {
      request.setProperty(STARTED, System.nanoTime());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    var route = request.getProperty(RouteTagger.PROPERTY);
    Timer.builder("herald.http.requests")
        .description("Requests to the API until their answer's status, by route template")
        .tag("method", method(request.getMethod()))
        .tag("route", route instanceof String template ? template : UNMATCHED)
        .tag("status", Integer.toString(response.getStatus()))
        .register(metrics().registry())
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  /** The method, or {@code other} for a made-up one: a client must not make series at will. */
  static String method(String method) {
    return METHODS.contains(method) ? method : "other";
  }

  private HeraldMetrics metrics() {
    var found = metrics;
    if (found == null) {
      found = CDI.current().select(HeraldMetrics.class).get();
      metrics = found;
    }
    return found;
  }
}
