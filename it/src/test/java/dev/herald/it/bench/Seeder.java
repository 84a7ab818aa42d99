package dev.herald.it.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Seeds the organization's N members, each with one device (see {@link Devices}), straight into
 * Herald's tables with {@code generate_series}: two set-based INSERTs load a million rows in
 * seconds, where the API ({@code POST /members/bulk} and one device registration per member, each
 * with the member's own token) would take longer than the broadcast it prepares and measure nothing
 * the benchmark asks about. The rows are the ones the API writes (schema of migrations V1–V5:
 * member with its lower-case {@code email_key}; device per organization, active). The organization
 * and its administrator come from the API first, so their rows are Herald's own. ANALYZE at the end
 * gives the planner the statistics a database that grew this large over time would have.
 */
final class Seeder {

  private Seeder() {}

  static Duration seed(
      String url, String user, String password, String organization, Devices seeded) {
    var count = seeded.count();
    var started = System.nanoTime();
    try (var connection = DriverManager.getConnection(url, user, password)) {
      try (var members =
          connection.prepareStatement(
              "INSERT INTO member (id, organization_id, email, email_key, created_at)"
                  + " SELECT gen_random_uuid(), ?, e.email, e.email, now()"
                  + " FROM generate_series(0, ? - 1) AS i,"
                  + " LATERAL (SELECT 'm' || lpad(i::text, 7, '0') || '@bench.example' AS email) e")) {
        members.setString(1, organization);
        members.setInt(2, count);
        expect("members", count, members.executeUpdate());
      }
      // Even members get an iOS device, odd ones Android unless all are iOS (Devices); the index is
      // read back from the e-mail.
      try (var devices =
          connection.prepareStatement(
              "INSERT INTO device (id, organization_id, member_id, platform, token, active,"
                  + " registered_at)"
                  + " SELECT gen_random_uuid(), m.organization_id, m.id,"
                  + " CASE WHEN x.ios THEN 'ios' ELSE 'android' END,"
                  + " CASE WHEN x.ios THEN lpad(to_hex(x.i), 64, '0')"
                  + " ELSE 'android-' || x.i END, TRUE, now()"
                  + " FROM member m, LATERAL (SELECT substr(m.email, 2, 7)::int AS i) n,"
                  + " LATERAL (SELECT n.i, ? OR n.i % 2 = 0 AS ios) x"
                  + " WHERE m.organization_id = ? AND m.email ~ '^m[0-9]{7}@bench[.]example$'")) {
        devices.setBoolean(1, seeded.allIos());
        devices.setString(2, organization);
        expect("devices", count, devices.executeUpdate());
      }
      try (var analyze = connection.createStatement()) {
        analyze.execute("ANALYZE member");
        analyze.execute("ANALYZE device");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Seeding " + count + " members failed", e);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static void expect(String what, int count, int inserted) {
    if (inserted != count) {
      throw new IllegalStateException("Seeded " + inserted + " " + what + ", not " + count);
    }
  }
}
