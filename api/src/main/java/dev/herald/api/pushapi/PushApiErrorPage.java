package dev.herald.api.pushapi;

import dev.herald.api.common.ErrorResponse;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The servlet container's error page for the Push API's path: what the container refuses itself (a
 * body it cannot read as a form, for instance) is answered as a {@code ResponseStatus} too.
 */
public final class PushApiErrorPage {

  private PushApiErrorPage() {}

  /** Whether the failed request was one to the Push API. */
  public static boolean handles(HttpServletRequest request) {
    var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri instanceof String path
        && (path.endsWith("/api/v2/push") || path.endsWith("/api/v2/push/"));
  }

  public static void write(HttpServletRequest request, HttpServletResponse response, int status)
      throws IOException {
    var format =
        PushFormat.ofAnswer(format(request), accepted(request.getHeader("Accept")))
            .orElse(PushFormat.XML);
    response.setStatus(status);
    response.setContentType(format.mediaType().toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            PushAnswers.refused(
                new ResponseStatus(
                    ResponseStatus.codeFor(status), ErrorResponse.statusMessage(status), List.of()),
                format));
  }

  /** The {@code format} parameter, read from the query string alone (the body may be broken). */
  private static String format(HttpServletRequest request) {
    var text = request.getQueryString();
    if (text == null) {
      return null;
    }
    for (var pair : text.split("&")) {
      if (pair.startsWith("format=")) {
        try {
          return URLDecoder.decode(pair.substring("format=".length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return "";
        }
      }
    }
    return null;
  }

  private static List<MediaType> accepted(String accept) {
    var types = new ArrayList<MediaType>();
    if (accept != null) {
      for (var range : accept.split(",")) {
        try {
          types.add(MediaType.valueOf(range.strip()));
        } catch (RuntimeException e) {
          // not a media type: as if it were not there
        }
      }
    }
    return types;
  }
}
