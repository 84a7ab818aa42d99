package dev.herald.war;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HexFormat;

/**
 * Refuses, with 400, requests whose URL or media type headers cannot be parsed at all, before the
 * JAX-RS runtime sees them. WildFly's RESTEasy refuses them too, but logs a warning with a stack
 * trace for each: a client's mistake must not fill the log. The container's error page writes the
 * answer, so it has the shape of the API that was called.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UnparsableRequestFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (decodes(request.getRequestURI())
        && decodes(request.getQueryString())
        && mediaTypes(request, "Content-Type", false)
        && mediaTypes(request, "Accept", true)) {
      chain.doFilter(request, response);
      return;
    }
    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
  }

  /** Whether every {@code %XX} escape is well formed and the bytes they make are UTF-8. */
  static boolean decodes(String encoded) {
    if (encoded == null || encoded.indexOf('%') < 0) {
      return true;
    }
    var bytes = ByteBuffer.allocate(encoded.length() * 3);
    for (var i = 0; i < encoded.length(); i++) {
      var c = encoded.charAt(i);
      if (c != '%') {
        bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= encoded.length()
          || !HexFormat.isHexDigit(encoded.charAt(i + 1))
          || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
        return false;
      }
      bytes.put((byte) HexFormat.fromHexDigits(encoded, i + 1, i + 3));
      i += 2;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes.flip());
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Whether each value of the header (each item of a {@code list}) is a media type. */
  private static boolean mediaTypes(HttpServletRequest request, String header, boolean list) {
    for (var value : Collections.list(request.getHeaders(header))) {
      for (var item : list ? value.split(",") : new String[] {value}) {
        if (!item.isBlank() && !isMediaType(item.strip())) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean isMediaType(String text) {
    try {
      MediaType.valueOf(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
