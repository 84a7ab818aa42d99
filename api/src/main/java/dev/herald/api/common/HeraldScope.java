package dev.herald.api.common;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Where Herald's JAX-RS providers act (docs/adr/0011). In Herald's own JAX-RS application, which
 * says so with {@link #OWN_APPLICATION} among its properties, on every request: unknown paths and
 * malformed requests get Herald's answers too. In a host's application, which picks Herald's
 * classes up by scanning, only on requests to Herald's API, the paths under {@code v2.0/tool/} and
 * the inbound webhooks' {@code v2.0/webhooks/}, the health checks' {@code v2.0/health/}, the
 * OpenAPI document's {@code v2.0/openapi}, the metrics' {@code v2.0/metrics} and the Push API's
 * {@code api/v2/push}: the host's own resources keep their own error handling, body sizes, readers
 * and writers.
 */
public final class HeraldScope {

  /** The application property, {@code true} in Herald's own application. */
  public static final String OWN_APPLICATION = "dev.herald.api.own-application";

  private static final List<String> API =
      List.of(
          "v2.0/tool/",
          "v2.0/webhooks/",
          "v2.0/health/",
          "v2.0/openapi",
          "v2.0/metrics",
          "api/v2/push");

  private HeraldScope() {}

  /** Whether Herald's providers act on the current request. */
  public static boolean applies(Configuration config, UriInfo uri) {
    return config == null
        || Boolean.TRUE.equals(config.getProperty(OWN_APPLICATION))
        || isApiPath(uri.getPath());
  }

  /** Jersey gives the path without its leading slash, RESTEasy with it. */
  static boolean isApiPath(String path) {
    var relative = path.startsWith("/") ? path.substring(1) : path;
    return API.stream().anyMatch(relative::startsWith);
  }
}
