package dev.herald.core.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one timestamp format of the API: ISO-8601 UTC with milliseconds, e.g.
 * 2025-04-04T10:06:50.444Z.
 */
public final class Timestamps {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Now, truncated to what the API shows and the database keeps. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  public static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  /** Parses an ISO-8601 instant with an offset, e.g. {@code 2026-01-01T10:00:00.000Z}. */
  public static Instant parse(String field, String text) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          field + " must be an ISO-8601 timestamp such as 2026-01-01T10:00:00.000Z",
          java.util.List.of(
              new InvalidRequestException.FieldError(
                  field, "must be an ISO-8601 timestamp such as 2026-01-01T10:00:00.000Z")));
    }
  }
}
