package dev.herald.core.delivery;

import dev.herald.core.common.Columns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Binds and reads parameters the same way on PostgreSQL and H2 (JDBC 4.2 java.time types). */
final class Sql {

  private Sql() {}

  static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
    var statement = c.prepareStatement(sql);
    bind(statement, params);
    return statement;
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (var statement = prepare(c, sql, params)) {
      return statement.executeUpdate();
    }
  }

  static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      var value = params[i];
      statement.setObject(
          i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
    }
  }

  /**
   * The clock's time at the precision every database keeps, so that a value written and the same
   * value compared are equal (H2 rounds sub-microsecond digits).
   */
  static Instant now(java.time.Clock clock) {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    var value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return Columns.uuid(rs.getObject(column));
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    var value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
