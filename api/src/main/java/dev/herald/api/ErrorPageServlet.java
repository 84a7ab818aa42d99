package dev.herald.api;

import dev.herald.api.common.ErrorResponse;
import dev.herald.api.common.JsonWriter;
import dev.herald.api.pushapi.PushApiErrorPage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The servlet container's error page: errors the container answers itself (a malformed request
 * refused before JAX-RS sees it, an exception that escapes it) get Herald's {@code {"message": …}}
 * instead of the server's HTML page. The WAR's web.xml maps it as the default error page; an
 * application embedding Herald may do the same.
 */
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    var code = status instanceof Integer i && i >= 400 ? i : 404;
    if (code >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null) {
      // the container has logged the exception already; say which request it was
      LOG.warning(
          "The container answered "
              + code
              + " to "
              + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    }
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    if (PushApiErrorPage.handles(request)) {
      PushApiErrorPage.write(request, response, code);
      return;
    }
    response.setStatus(code);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(JsonWriter.toJson(ErrorResponse.of(ErrorResponse.statusMessage(code))));
  }
}
