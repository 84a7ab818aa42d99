package dev.herald.core.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The one timestamp format of the API: ISO-8601 UTC with milliseconds, e.g.
 * 2025-04-04T10:06:50.444Z. Timestamps a caller sends must lie in the years 1970 to 9999: the
 * format shows four-digit years only, and both databases store that range.
 */
public final class Timestamps {

  /** The earliest timestamp a caller may send. */
  public static final Instant MIN = Instant.parse("1970-01-01T00:00:00Z");

  /** The latest timestamp a caller may send. */
  public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

  private static final String EXAMPLE = "an ISO-8601 timestamp such as 2026-01-01T10:00:00.000Z";

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Now, truncated to what the API shows and the database keeps. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  public static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  /** Whether a timestamp lies in the years a caller may use. */
  public static boolean inRange(Instant instant) {
    return !instant.isBefore(MIN) && !instant.isAfter(MAX);
  }

  /**
   * Parses an ISO-8601 instant with an offset, e.g. {@code 2026-01-01T10:00:00.000Z}, in the years
   * 1970 to 9999.
   */
  public static Instant parse(String field, String text) {
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text.trim()).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw invalid(field, "must be " + EXAMPLE);
    }
    if (!inRange(instant)) {
      throw invalid(field, "must be " + EXAMPLE + " in the years 1970 to 9999");
    }
    return instant;
  }

  private static InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(
        field + " " + message, List.of(new InvalidRequestException.FieldError(field, message)));
  }
}
