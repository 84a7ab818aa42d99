package dev.herald.api.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 256 KiB with 413, whether or not they declare their length. The bulk
 * member import, which takes up to 10,000 members, may send up to 8 MiB. A body that stops arriving
 * before its declared end (the server's read timeout) is a 408, not a server error.
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

  /** The largest request body Herald reads. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  /** The largest body of {@code POST …/members/bulk}. */
  public static final int MAX_BULK_BODY_BYTES = 8 * 1024 * 1024;

  /**
   * How much of a refused body is read and dropped before answering, so that clients which send the
   * whole body before reading the answer receive the 413 instead of a broken connection.
   */
  private static final long MAX_DRAIN_BYTES = 16L * 1024 * 1024;

  @Context Configuration config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!HeraldScope.applies(config, request.getUriInfo())) {
      return;
    }
    var limit =
        request.getUriInfo().getPath().endsWith("/members/bulk")
            ? MAX_BULK_BODY_BYTES
            : MAX_BODY_BYTES;
    var declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > limit) {
          drain(request.getEntityStream());
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        // The container rejects a malformed Content-Length itself.
      }
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
    }
  }

  static WebApplicationException tooLarge() {
    return new WebApplicationException("Request body too large", 413);
  }

  private static void drain(InputStream in) {
    var buffer = new byte[64 * 1024];
    long total = 0;
    try {
      for (int n; total < MAX_DRAIN_BYTES && (n = in.read(buffer)) > 0; ) {
        total += n;
      }
    } catch (IOException | RuntimeException e) {
      // the client went away; nothing to answer
    }
  }

  private static final class LimitedStream extends FilterInputStream {
    private final long limit;
    private long read;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() {
      int b;
      try {
        b = super.read();
      } catch (IOException | RuntimeException e) {
        throw incomplete();
      }
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      int n;
      try {
        n = super.read(buffer, offset, length);
      } catch (IOException | RuntimeException e) {
        throw incomplete();
      }
      count(Math.max(n, 0));
      return n;
    }

    /**
     * The client sent less than it declared, or too slowly; the container gave up waiting. Undertow
     * may fail such a read with a NullPointerException instead of an IOException (its read timeout
     * frees the buffer under the reading thread), hence the RuntimeException above.
     */
    private static WebApplicationException incomplete() {
      return new WebApplicationException("The request body did not arrive in time", 408);
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        drain(in);
        throw tooLarge();
      }
    }
  }
}
