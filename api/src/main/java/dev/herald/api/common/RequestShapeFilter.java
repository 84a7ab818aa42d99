package dev.herald.api.common;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;

/**
 * Refuses requests whose headers or URI cannot be read, before anything else looks at them: a
 * header value with a control character other than HTAB (400; the {@code Authorization} header is
 * left to the authentication filter, which answers 401), a Content-Type or Accept that is not a
 * media type (400), a charset the JVM does not know (415), and control characters in the decoded
 * path or query (400), which no id or name contains and which PostgreSQL refuses to compare.
 * Without it the JAX-RS runtime fails later, with a 500 or the server's HTML error page, and the
 * servers' own header checks answer with an empty 400 (Herald's Payara configuration turns
 * Grizzly's off so that this filter answers instead; ADR 0009).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class RequestShapeFilter implements ContainerRequestFilter {

  @Context Configuration config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!HeraldScope.applies(config, request.getUriInfo())) {
      return;
    }
    var problem = problem(request);
    if (problem != null) {
      request.abortWith(ErrorMapper.respond(problem.status(), ErrorResponse.of(problem.message())));
    }
  }

  private record Problem(int status, String message) {}

  private static Problem problem(ContainerRequestContext request) {
    for (var header : request.getHeaders().entrySet()) {
      if (!header.getKey().equalsIgnoreCase(HttpHeaders.AUTHORIZATION)
          && header.getValue().stream().anyMatch(RequestShapeFilter::hasHeaderControlCharacter)) {
        return new Problem(400, "The " + header.getKey() + " header contains control characters");
      }
    }
    var contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (contentType != null && !contentType.isBlank()) {
      MediaType type;
      try {
        type = MediaType.valueOf(contentType.trim());
      } catch (RuntimeException e) {
        return new Problem(400, "The Content-Type header is not a media type");
      }
      var charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
      if (charset != null && !isSupported(charset)) {
        return new Problem(415, "Unsupported charset in Content-Type; send UTF-8");
      }
    }
    try {
      request.getAcceptableMediaTypes();
      if (!qualitiesAreNumbers(request.getHeaders().get(HttpHeaders.ACCEPT))) {
        return new Problem(400, "The Accept header has a quality that is not a number from 0 to 1");
      }
    } catch (RuntimeException e) {
      return new Problem(400, "The Accept header is not a list of media types");
    }
    try {
      if (hasControlCharacter(request.getUriInfo().getPath())) {
        return new Problem(400, "The request path contains control characters");
      }
      for (var values : request.getUriInfo().getQueryParameters().values()) {
        if (values.stream().anyMatch(RequestShapeFilter::hasControlCharacter)) {
          return new Problem(400, "The query string contains control characters");
        }
      }
    } catch (RuntimeException e) {
      return new Problem(400, "The request URI is malformed");
    }
    return null;
  }

  /** RESTEasy parses {@code q} only when it sorts the media types, and then fails with a 500. */
  private static boolean qualitiesAreNumbers(java.util.List<String> accept) {
    if (accept == null) {
      return true;
    }
    for (var header : accept) {
      for (var range : header.split(",")) {
        if (range.isBlank()) {
          continue;
        }
        var q = MediaType.valueOf(range.trim()).getParameters().get("q");
        if (q != null) {
          try {
            var value = Float.parseFloat(q.trim());
            if (!(value >= 0 && value <= 1)) {
              return false;
            }
          } catch (NumberFormatException e) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean isSupported(String charset) {
    try {
      return Charset.isSupported(charset.trim());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean hasHeaderControlCharacter(String value) {
    return value != null && value.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c));
  }

  private static boolean hasControlCharacter(String text) {
    return text != null && text.chars().anyMatch(Character::isISOControl);
  }
}
