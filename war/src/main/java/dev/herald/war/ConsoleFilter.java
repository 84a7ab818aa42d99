package dev.herald.war;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the management console: {@code /} is its page, {@code /console/…} its scripts and style
 * sheet, from the WAR's own files. A filter, because the REST API's application is mapped at the
 * root of the context and would otherwise answer these paths with 404. Only the console's own file
 * names are served (letters, digits and dashes, one known extension), so nothing else of the WAR
 * can be reached this way; every other request goes on to the API.
 *
 * <p>The page may run only its own scripts and talk only to its own origin (the Content Security
 * Policy), may not be framed, and is revalidated on every load so that an upgrade shows at once.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ConsoleFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Pattern ASSET = Pattern.compile("/console/[a-z0-9-]{1,64}\\.(js|css|svg)");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html;charset=UTF-8",
          "js", "text/javascript;charset=UTF-8",
          "css", "text/css;charset=UTF-8",
          "svg", "image/svg+xml");

  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isContextRootWithoutSlash(request)) {
      // The page's relative URLs need the slash: /herald would resolve them against /.
      response.sendRedirect(request.getContextPath() + "/");
      return;
    }
    var file = consoleFile(request);
    if (file == null) {
      chain.doFilter(request, response);
      return;
    }
    try (var in = getServletContext().getResourceAsStream(file)) {
      if (in == null) {
        chain.doFilter(request, response);
        return;
      }
      response.setContentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Referrer-Policy", "no-referrer");
      response.setHeader("Content-Security-Policy", POLICY);
      if ("HEAD".equals(request.getMethod())) {
        return;
      }
      in.transferTo(response.getOutputStream());
    }
  }

  private static boolean isContextRootWithoutSlash(HttpServletRequest request) {
    return "GET".equals(request.getMethod())
        && !request.getContextPath().isEmpty()
        && request.getRequestURI().equals(request.getContextPath());
  }

  /** The file of the WAR a GET or HEAD asks for, or {@code null} when it is not the console's. */
  private static String consoleFile(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return null;
    }
    var path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/") || path.equals("/index.html")) {
      return "/index.html";
    }
    return ASSET.matcher(path).matches() ? path : null;
  }
}
