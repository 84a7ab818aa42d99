package dev.herald.api.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses request bodies over 256 KiB with 413, whether or not they declare their length. */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

  /** The largest request body Herald reads. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    var declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        // The container rejects a malformed Content-Length itself.
      }
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedStream(request.getEntityStream()));
    }
  }

  static WebApplicationException tooLarge() {
    return new WebApplicationException("Request body too large", 413);
  }

  private static final class LimitedStream extends FilterInputStream {
    private long read;

    LimitedStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      var b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      var n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BODY_BYTES) {
        throw tooLarge();
      }
    }
  }
}
