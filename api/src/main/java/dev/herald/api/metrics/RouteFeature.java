package dev.herald.api.metrics;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives each of Herald's resource methods a {@link RouteTagger} that names the method's route
 * template, worked out once here, for the request metrics: the template, never the path, so that
 * ids do not make a series each. A host's resource methods get none (ADR 0011).
 */
@Provider
public class RouteFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    var type = resource.getResourceClass();
    if (!type.getPackageName().startsWith("dev.herald.api.")) {
      return;
    }
    // First of all: a request that authentication turns away is counted under its route too.
    context.register(
        new RouteTagger(route(type.getAnnotation(Path.class), resource.getResourceMethod())),
        Priorities.AUTHENTICATION - 500);
  }

  /** The class's and the method's {@code @Path}s joined, each parameter without its regex. */
  static String route(Path type, java.lang.reflect.Method method) {
    var joined = new StringBuilder();
    append(joined, type == null ? "" : type.value());
    var own = method.getAnnotation(Path.class);
    append(joined, own == null ? "" : own.value());
    var route = joined.length() == 0 ? "/" : joined.toString();
    return route.replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
  }

  private static void append(StringBuilder route, String path) {
    for (var part : path.split("/")) {
      if (!part.isEmpty()) {
        route.append('/').append(part);
      }
    }
  }
}
