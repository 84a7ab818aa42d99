package dev.herald.core.common;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Values of native query results, whose Java types differ by database and driver: H2 returns a UUID
 * column as bytes, PostgreSQL as a UUID; timestamps come as OffsetDateTime, Instant or Timestamp.
 */
public final class Columns {

  private Columns() {}

  public static UUID uuid(Object value) {
    if (value == null || value instanceof UUID) {
      return (UUID) value;
    }
    if (value instanceof byte[] bytes && bytes.length == 16) {
      var buffer = ByteBuffer.wrap(bytes);
      return new UUID(buffer.getLong(), buffer.getLong());
    }
    return UUID.fromString(value.toString());
  }

  public static Instant instant(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    throw new IllegalStateException("Not a timestamp: " + value.getClass());
  }
}
