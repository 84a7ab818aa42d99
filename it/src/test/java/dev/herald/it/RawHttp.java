package dev.herald.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange written byte by byte, for requests that {@code java.net.http} refuses to
 * send: a forged {@code Host}, control characters or non-ASCII bytes in a header.
 */
final class RawHttp {

  private RawHttp() {}

  /** An answer: status, headers by lower-case name, body. */
  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  /**
   * Sends a request whose head is given as text: each character up to U+00FF is sent as the byte of
   * that value, so "\u00c3\u00a9" is the UTF-8 encoding of é.
   */
  static Answer exchange(URL base, String head, String body) {
    var bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    var request =
        head
            + (body == null ? "" : "Content-Type: application/json\r\n")
            + "Content-Length: "
            + bodyBytes.length
            + "\r\nConnection: close\r\n\r\n";
    try (var socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.write(bodyBytes);
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new IllegalStateException("Raw request failed: " + head, e);
    }
  }

  private static Answer read(InputStream in) throws IOException {
    var all = in.readAllBytes();
    var text = new String(all, StandardCharsets.ISO_8859_1);
    var end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("No complete answer: " + text);
    }
    var lines = text.substring(0, end).split("\r\n");
    var status = Integer.parseInt(lines[0].split(" ")[1]);
    var headers = new LinkedHashMap<String, String>();
    for (int i = 1; i < lines.length; i++) {
      var colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    var rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = unchunk(rest);
    }
    return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] chunked) {
    var out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = at;
      while (lineEnd + 1 < chunked.length
          && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      var size =
          Integer.parseInt(
              new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                  .split(";")[0].trim(),
              16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }
}
