package dev.herald.core.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Leases due notifications to this node, fairly across organizations: each round takes the oldest
 * due notifications of every organization that has some, so one organization's burst never holds up
 * another's single message.
 */
final class DispatchClaims {

  /**
   * Waiting to be fanned out, or fanned out in part by a node whose lease ran out (it died or
   * stopped); the parameters are the time twice.
   */
  static final String DUE =
      "state IN ('QUEUED', 'SCHEDULED', 'PROCESSING') AND NOT fanout_done AND start_at <= ?"
          + " AND (dispatch_after IS NULL OR dispatch_after <= ?)";

  private final Clock clock;
  private final Duration lease;
  private final int maxAttempts;

  DispatchClaims(Clock clock, Duration lease, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.clock = clock;
    this.lease = lease;
    this.maxAttempts = maxAttempts;
  }

  /**
   * Leases up to {@code max} due notifications: counts the attempt and moves {@code dispatch_after}
   * past the lease. A notification that has used all its attempts is set aside as {@code FAILED}
   * instead, with the error of its last attempt (its node stopped before it could record it).
   */
  Leased lease(Connection c, int max) throws SQLException {
    var now = Sql.now(clock);
    var organizations = new ArrayList<String>();
    try (var select =
            Sql.prepare(
                c, "SELECT DISTINCT organization_id FROM notification WHERE " + DUE, now, now);
        var rs = select.executeQuery()) {
      while (rs.next()) {
        organizations.add(rs.getString(1));
      }
    }
    // Several nodes claim at once: a random order spreads them over the organizations.
    Collections.shuffle(organizations);
    var leased = new Leased(new ArrayList<>(), new ArrayList<>());
    var each = Math.max(1, max / Math.max(1, organizations.size()));
    for (var organization : organizations) {
      if (leased.due().size() >= max) {
        break;
      }
      leaseOf(c, organization, Math.min(each, max - leased.due().size()), now, leased);
    }
    return leased;
  }

  /** What a lease took: the notifications to fan out, and those it set aside instead. */
  record Leased(List<DueNotification> due, List<UUID> setAside) {}

  private void leaseOf(
      Connection c, String organization, int max, java.time.Instant now, Leased leased)
      throws SQLException {
    var due = new ArrayList<DueNotification>();
    var exhausted = new ArrayList<UUID>();
    try (var select =
            Sql.prepare(
                c,
                "SELECT id, organization_id, scope, solution_id, channels, ttl_seconds,"
                    + " dispatch_attempts, created_at FROM notification WHERE organization_id = ? AND "
                    + DUE
                    + " ORDER BY start_at FETCH FIRST "
                    + max
                    + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                organization,
                now,
                now);
        var rs = select.executeQuery()) {
      while (rs.next()) {
        var attempts = rs.getInt("dispatch_attempts");
        var id = Sql.uuid(rs, "id");
        if (attempts >= maxAttempts) {
          exhausted.add(id);
          continue;
        }
        due.add(
            new DueNotification(
                id,
                rs.getString("organization_id"),
                rs.getString("scope"),
                Sql.uuid(rs, "solution_id"),
                List.of(rs.getString("channels").split(",")),
                Sql.integer(rs, "ttl_seconds"),
                attempts + 1,
                Sql.instant(rs, "created_at")));
      }
    }
    for (var id : exhausted) {
      Sql.update(
          c,
          "UPDATE notification SET state = 'FAILED', dispatch_after = NULL, updated_at = ?,"
              + " last_error = COALESCE(last_error, 'Dispatching failed') WHERE id = ?",
          now,
          id);
    }
    for (var notification : due) {
      Sql.update(
          c,
          "UPDATE notification SET dispatch_attempts = ?, dispatch_after = ? WHERE id = ?",
          notification.attempt(),
          now.plus(lease),
          notification.id());
    }
    leased.due().addAll(due);
    leased.setAside().addAll(exhausted);
  }

  /**
   * Keeps the error and retries after a backoff; the last allowed attempt sets it aside. Returns
   * whether it did.
   */
  boolean recordFailure(Connection c, DueNotification notification, String error, Duration backoff)
      throws SQLException {
    var now = Sql.now(clock);
    var last = notification.attempt() >= maxAttempts;
    var changed =
        Sql.update(
            c,
            "UPDATE notification SET last_error = ?, dispatch_after = ?, updated_at = ?"
                + (last ? ", state = 'FAILED'" : "")
                + " WHERE id = ? AND NOT fanout_done AND state IN ('QUEUED', 'SCHEDULED', 'PROCESSING')",
            error,
            last ? null : now.plus(backoff),
            now,
            notification.id());
    return last && changed > 0;
  }

  /** Ends this node's leases on notifications it has not finished fanning out. */
  int release(Connection c, List<UUID> ids) throws SQLException {
    var released = 0;
    for (var id : ids) {
      released +=
          Sql.update(
              c,
              "UPDATE notification SET dispatch_after = NULL WHERE id = ? AND NOT fanout_done",
              id);
    }
    return released;
  }
}
