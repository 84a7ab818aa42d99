package dev.herald.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: unlike java.net.http it sends what a
 * hostile client sends (undecodable URIs, non-ASCII header bytes, a Content-Length that lies,
 * unknown methods). One connection per request, closed by the server after its answer.
 */
final class SocketHttp {

  /** An answer; {@code status} is -1 when none came in time. */
  record Answer(int status, Map<String, String> headers, byte[] body, long millis) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private SocketHttp() {}

  /**
   * Sends a request. {@code target} is the raw request target (path and query, already encoded as
   * the attack wants); {@code headers} are raw bytes after "Name: ".
   */
  static Answer send(
      URI base,
      String method,
      String target,
      Map<String, byte[]> headers,
      byte[] body,
      Integer declaredLength,
      int timeoutMillis) {
    var started = System.nanoTime();
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      socket.setSoTimeout(timeoutMillis);
      var out = new ByteArrayOutputStream();
      out.writeBytes(
          (method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort())
              .getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes("\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
      for (var header : headers.entrySet()) {
        out.writeBytes((header.getKey() + ": ").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(header.getValue());
        out.writeBytes(new byte[] {'\r', '\n'});
      }
      var length = declaredLength != null ? declaredLength : body == null ? null : body.length;
      if (length != null) {
        out.writeBytes(("Content-Length: " + length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      out.writeBytes(new byte[] {'\r', '\n'});
      if (body != null) {
        out.writeBytes(body);
      }
      // The answer is read while the request is still being written: a server that answers
      // early (a 403 before reading a large body) and closes resets the connection, and what it
      // sent before the reset is lost to a client that only starts reading afterwards.
      var answer = new CompletableFuture<byte[]>();
      var in = socket.getInputStream();
      var reader =
          new Thread(
              () -> {
                try {
                  answer.complete(readUntilClosed(in));
                } catch (IOException e) {
                  answer.completeExceptionally(e);
                }
              },
              "socket-http-reader");
      reader.setDaemon(true);
      reader.start();
      try {
        socket.getOutputStream().write(out.toByteArray());
        socket.getOutputStream().flush();
      } catch (IOException e) {
        // the server stopped reading and closed; its answer, if any, is on its way to the reader
      }
      return parse(answer.get(), method.equals("HEAD"), started);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SocketTimeoutException) {
        return new Answer(-1, Map.of(), new byte[0], elapsed(started));
      }
      return new Answer(-2, Map.of(), e.getCause().toString().getBytes(StandardCharsets.UTF_8), 0);
    } catch (IOException e) {
      return new Answer(-2, Map.of(), e.toString().getBytes(StandardCharsets.UTF_8), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Everything until the server closes; a reset after some of it ends it like a close. */
  private static byte[] readUntilClosed(InputStream in) throws IOException {
    var all = new ByteArrayOutputStream();
    var buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      if (all.size() == 0) {
        throw e;
      }
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] all, boolean head, long started) {
    var end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0) {
      return new Answer(-3, Map.of(), all, elapsed(started));
    }
    var lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    var status = Integer.parseInt(lines[0].split(" ")[1]);
    var headers = new LinkedHashMap<String, String>();
    for (int i = 1; i < lines.length; i++) {
      var colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    var body = head ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, body, elapsed(started));
  }

  private static byte[] unchunk(byte[] chunked) {
    var out = new ByteArrayOutputStream();
    var at = 0;
    while (at < chunked.length) {
      var lineEnd =
          indexOf(
              java.util.Arrays.copyOfRange(chunked, at, chunked.length), new byte[] {'\r', '\n'});
      if (lineEnd < 0) {
        break;
      }
      var size =
          Integer.parseInt(
              new String(chunked, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, at + lineEnd + 2, Math.min(size, chunked.length - at - lineEnd - 2));
      at += lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
