package dev.herald.core.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque paging cursors: the sort key of the last item shown, encoded so that callers do not build
 * them by hand. A cursor that does not decode is the caller's mistake, answered with a 400.
 */
public final class Cursor {

  private static final String SEPARATOR = "\n";

  private Cursor() {}

  public static String encode(String... parts) {
    var joined = String.join(SEPARATOR, parts);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(joined.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor into exactly {@code expectedParts} parts, or returns null for no cursor. */
  public static List<String> decode(String cursor, int expectedParts) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      var joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      var parts = List.of(joined.split(SEPARATOR, -1));
      if (parts.size() != expectedParts) {
        throw new IllegalArgumentException();
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("cursor is not valid");
    }
  }
}
