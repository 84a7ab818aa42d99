package dev.herald.it.bench;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where PostgreSQL's time went during the broadcast, from {@code pg_stat_statements} when the
 * benchmark database has it ({@code BENCH_PG_STATEMENTS=1 it/bench.sh …} sets it up): reset at the
 * broadcast's POST, read when every delivery is terminal. Without the extension, nothing is
 * reported.
 */
final class Statements {

  private static final int TOP = 12;

  private final String url;
  private final String user;
  private final String password;
  private final boolean available;

  private Statements(String url, String user, String password, boolean available) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.available = available;
  }

  static Statements of(String url, String user, String password) {
    try (var c = DriverManager.getConnection(url, user, password);
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'")) {
      rs.next();
      return new Statements(url, user, password, rs.getInt(1) == 1);
    } catch (SQLException e) {
      return new Statements(url, user, password, false);
    }
  }

  void reset() {
    if (!available) {
      return;
    }
    try (var c = DriverManager.getConnection(url, user, password);
        var rs = c.createStatement().executeQuery("SELECT public.pg_stat_statements_reset()")) {
      rs.next();
    } catch (SQLException e) {
      throw new IllegalStateException("pg_stat_statements_reset() failed: " + e.getMessage(), e);
    }
  }

  /** The statements that took the most time since {@link #reset}, as figures of the report. */
  void report(Report report) {
    if (!available) {
      return;
    }
    report.phase("broadcast, PostgreSQL statements");
    var sql =
        "SELECT query, calls, total_exec_time, rows, shared_blks_hit + shared_blks_read AS blocks,"
            + " sum(total_exec_time) OVER () AS all_time FROM public.pg_stat_statements"
            + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " ORDER BY total_exec_time DESC LIMIT "
            + TOP;
    try (var c = DriverManager.getConnection(url, user, password);
        var rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        var calls = rs.getLong("calls");
        var total = rs.getDouble("total_exec_time");
        report.figure(
            "`" + shorten(rs.getString("query")) + "`",
            "%.1f s (%.0f %%)".formatted(total / 1e3, 100 * total / rs.getDouble("all_time")),
            "%,d calls, %.2f ms each, %,d rows, %,d blocks"
                .formatted(
                    calls,
                    calls == 0 ? 0 : total / calls,
                    rs.getLong("rows"),
                    rs.getLong("blocks")));
      }
    } catch (SQLException e) {
      report.figure("pg_stat_statements", "not read", e.getMessage());
    }
  }

  private static String shorten(String query) {
    var oneLine = query.replaceAll("\\s+", " ").replace("|", "\\|").replace("`", "'");
    return oneLine.length() <= 140 ? oneLine : oneLine.substring(0, 137) + "...";
  }
}
