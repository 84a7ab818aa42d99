package dev.herald.war;

import dev.herald.core.runtime.Lifecycle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers every request with 503 and {@code Retry-After} once this node has begun to stop. A
 * servlet filter rather than only the API's own filter: while the server stops, it destroys the
 * JAX-RS servlet before the filters, and a request reaching the destroyed servlet got the server's
 * HTML 500 page with a stack trace.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ShuttingDownFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!Lifecycle.isStopping()) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "5");
    response.setHeader("Connection", "close");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"message\":\"This Herald node is shutting down; retry\"}");
  }
}
