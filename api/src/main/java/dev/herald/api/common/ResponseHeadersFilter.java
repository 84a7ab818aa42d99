package dev.herald.api.common;

import dev.herald.core.config.Settings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Headers of every answer of the API, set in one place rather than in each resource: nothing is
 * cached (answers carry secrets and personal data), content types are not sniffed, and {@code
 * Location} never repeats the request's {@code Host} header. It points at {@code herald.public-url}
 * when that is set, else it is a relative reference (the path alone).
 */
@Provider
public class ResponseHeadersFilter implements ContainerResponseFilter {

  static final String PUBLIC_URL = "herald.public-url";

  private static final Logger LOG = Logger.getLogger(ResponseHeadersFilter.class.getName());

  private final Optional<String> publicUrl = publicUrl();

  @Context Configuration config;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!HeraldScope.applies(config, request.getUriInfo())) {
      return;
    }
    var headers = response.getHeaders();
    headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    headers.putSingle("X-Content-Type-Options", "nosniff");
    var location = response.getLocation();
    if (location != null) {
      headers.putSingle(
          HttpHeaders.LOCATION,
          rebase(location, request.getUriInfo().getBaseUri().getRawPath(), publicUrl));
    }
  }

  /**
   * A link into the API as Herald's answers show one, like {@code Location}: under {@code
   * herald.public-url} when set, else the path alone.
   */
  public static String link(URI location, UriInfo uri) {
    return rebase(location, uri.getBaseUri().getRawPath(), PublicUrl.VALUE);
  }

  /** The setting read once, so that a bad value is logged once rather than on every link. */
  private static final class PublicUrl {
    static final Optional<String> VALUE = publicUrl();
  }

  /**
   * The location's path (and query) under the public URL, or alone. The public URL stands for the
   * application's root, so the part of the path that is the server's own base path is replaced.
   */
  static String rebase(URI location, String basePath, Optional<String> publicUrl) {
    var path = location.getRawPath() == null ? "/" : location.getRawPath();
    var query = location.getRawQuery() == null ? "" : "?" + location.getRawQuery();
    if (publicUrl.isEmpty()) {
      return path + query;
    }
    var base = basePath == null || basePath.isEmpty() ? "/" : basePath;
    var relative = path.startsWith(base) ? path.substring(base.length()) : path.substring(1);
    return publicUrl.get() + "/" + relative + query;
  }

  /** The setting without a trailing slash; an unusable value is logged and ignored. */
  static Optional<String> publicUrl() {
    var value = Settings.get(PUBLIC_URL);
    if (value.isEmpty()) {
      return value;
    }
    try {
      var uri = URI.create(value.get());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        return Optional.of(value.get().replaceAll("/+$", ""));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    LOG.severe(
        () ->
            "Setting "
                + PUBLIC_URL
                + " is not an http(s) URL without query, e.g. https://push.example.com: "
                + value.get()
                + "; Location headers are relative instead");
    return Optional.empty();
  }
}
