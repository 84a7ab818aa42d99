package dev.herald.it.bench;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Why Herald sent some deliveries more than once: the broadcast's deliveries with more than one
 * attempt, by platform and the last error their provider reported. A retried push that had reached
 * its mock is a duplicate there; this says which answer Herald did not get.
 */
final class Retries {

  private Retries() {}

  static void report(Report report, String url, String user, String password) {
    var sql =
        "SELECT platform, last_error, count(*) AS deliveries, max(attempts) AS attempts"
            + " FROM delivery WHERE attempts > 1 GROUP BY platform, last_error"
            + " ORDER BY deliveries DESC LIMIT 10";
    try (var c = DriverManager.getConnection(url, user, password);
        var rs = c.createStatement().executeQuery(sql)) {
      report.phase("broadcast, retries");
      var any = false;
      while (rs.next()) {
        any = true;
        report.figure(
            "retried, " + rs.getString("platform"),
            "%,d".formatted(rs.getLong("deliveries")),
            "up to %d attempts; last error: %s"
                .formatted(rs.getInt("attempts"), rs.getString("last_error")));
      }
      if (!any) {
        report.figure("retried deliveries", "0", "every delivery went out on its first attempt");
      }
    } catch (SQLException e) {
      report.figure("retried deliveries", "not read", e.getMessage());
    }
  }
}
