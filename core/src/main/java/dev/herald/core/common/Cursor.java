package dev.herald.core.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Opaque paging cursors: the sort key of the last item shown, encoded so that callers do not build
 * them by hand. A cursor that does not decode, or whose parts are not what the list wrote, is the
 * caller's mistake: every method here answers it with {@link InvalidRequestException}, never with
 * an exception the database or the JDK would throw later.
 */
public final class Cursor {

  private static final String SEPARATOR = "\n";

  /** Far longer than any cursor Herald writes; longer ones are refused before decoding. */
  private static final int MAX_LENGTH = 1024;

  private Cursor() {}

  public static String encode(String... parts) {
    var joined = String.join(SEPARATOR, parts);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(joined.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a cursor into exactly {@code expectedParts} parts, or returns null for no cursor. The
   * parts hold no control characters, so they are safe to bind as query parameters.
   */
  public static List<String> decode(String cursor, int expectedParts) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    if (cursor.length() > MAX_LENGTH) {
      throw invalid();
    }
    try {
      var joined = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
      var parts = List.of(joined.split(SEPARATOR, -1));
      if (parts.size() != expectedParts
          || parts.stream().anyMatch(p -> p.chars().anyMatch(Character::isISOControl))) {
        throw invalid();
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** A part written by {@code Instant.toString()}. */
  public static Instant instant(String part) {
    try {
      var instant = Instant.parse(part);
      if (!Timestamps.inRange(instant)) {
        throw invalid();
      }
      return instant;
    } catch (RuntimeException e) {
      throw invalid();
    }
  }

  /** A part written by {@code UUID.toString()}. */
  public static UUID uuid(String part) {
    try {
      return UUID.fromString(part);
    } catch (RuntimeException e) {
      throw invalid();
    }
  }

  /** A part written by {@code Long.toString(long)}. */
  public static long number(String part) {
    try {
      return Long.parseLong(part);
    } catch (RuntimeException e) {
      throw invalid();
    }
  }

  private static InvalidRequestException invalid() {
    return new InvalidRequestException(
        "cursor is not valid: pass the nextCursor of the previous page unchanged",
        List.of(new InvalidRequestException.FieldError("cursor", "is not valid")));
  }
}
