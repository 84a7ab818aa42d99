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

  /** A timestamp as a JPA native query returns it, which differs by database and driver. */
  public static Instant fromDatabase(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    throw new IllegalStateException("Not a timestamp: " + value.getClass());
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
