package dev.herald.core.delivery;

import dev.herald.core.notification.Channels;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns due notifications into inbox items and deliveries. Each call claims a few due notifications
 * with {@code FOR UPDATE SKIP LOCKED}, so dispatchers on several nodes never resolve the same
 * notification twice, and resolves each scope with INSERT … SELECT statements: the recipients never
 * pass through Java.
 */
public final class Dispatcher {

  /** The recipients of a notification, as a subquery with one column {@code member_id}. */
  private static final String USR =
      "SELECT member_id FROM notification_recipient WHERE notification_id = ?";

  private static final String SLN = "SELECT member_id FROM solution_member WHERE solution_id = ?";
  private static final String SLN_GRP =
      "SELECT DISTINCT gm.member_id FROM group_member gm"
          + " JOIN notification_group ng ON ng.group_id = gm.group_id WHERE ng.notification_id = ?";
  private static final String ORG = "SELECT id AS member_id FROM member WHERE organization_id = ?";

  private final Transactor transactor;
  private final Clock clock;

  public Dispatcher(Transactor transactor, Clock clock) {
    this.transactor = transactor;
    this.clock = clock;
  }

  /** Dispatches up to {@code max} due notifications and returns their ids. */
  public List<UUID> dispatchDue(int max) {
    var dispatched =
        transactor.inTransaction(
            c -> {
              var now = Sql.now(clock);
              var claimed = claim(c, now, max);
              for (var notification : claimed) {
                fanOut(c, notification, now);
              }
              return claimed.stream().map(Due::id).toList();
            });
    if (!dispatched.isEmpty()) {
      // A notification whose recipients have nothing pending (only in-app, or nobody) is done.
      new Completion(transactor, clock).complete(dispatched);
    }
    return dispatched;
  }

  private record Due(
      UUID id,
      String organizationId,
      String scope,
      UUID solutionId,
      String channels,
      Integer ttlSeconds) {}

  private static List<Due> claim(Connection c, Instant now, int max) throws SQLException {
    var due = new ArrayList<Due>();
    try (var select =
            Sql.prepare(
                c,
                "SELECT id, organization_id, scope, solution_id, channels, ttl_seconds"
                    + " FROM notification WHERE state IN ('QUEUED', 'SCHEDULED') AND start_at <= ?"
                    + " ORDER BY start_at FETCH FIRST "
                    + max
                    + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                now);
        var rs = select.executeQuery()) {
      while (rs.next()) {
        due.add(
            new Due(
                Sql.uuid(rs, "id"),
                rs.getString("organization_id"),
                rs.getString("scope"),
                Sql.uuid(rs, "solution_id"),
                rs.getString("channels"),
                Sql.integer(rs, "ttl_seconds")));
      }
    }
    return due;
  }

  private static void fanOut(Connection c, Due n, Instant now) throws SQLException {
    var recipients = recipients(n);
    var key = recipientKey(n);
    var channels = List.of(n.channels().split(","));
    var expiresAt = n.ttlSeconds() == null ? null : now.plusSeconds(n.ttlSeconds());
    if (channels.contains(Channels.INAPP)) {
      Sql.update(
          c,
          "INSERT INTO inbox_item (organization_id, member_id, notification_id, created_at, expires_at)"
              + " SELECT ?, r.member_id, ?, ?, ? FROM ("
              + recipients
              + ") r",
          n.organizationId(),
          n.id(),
          now,
          expiresAt,
          key);
      Sql.update(
          c,
          "INSERT INTO delivery (notification_id, member_id, channel, address, state, attempts,"
              + " due_at, updated_at) SELECT ?, r.member_id, 'inapp', 'inbox', 'DELIVERED', 1, ?, ?"
              + " FROM ("
              + recipients
              + ") r",
          n.id(),
          now,
          now,
          key);
    }
    if (channels.contains(Channels.PUSH)) {
      Sql.update(
          c,
          "INSERT INTO delivery (notification_id, member_id, channel, device_id, platform, address,"
              + " state, attempts, due_at, updated_at)"
              + " SELECT ?, d.member_id, 'push', d.id, d.platform, d.token, 'PENDING', 0, ?, ?"
              + " FROM device d JOIN ("
              + recipients
              + ") r ON r.member_id = d.member_id WHERE d.active = TRUE",
          n.id(),
          now,
          now,
          key);
    }
    // E-mail and the channels of third-party providers go to the member's e-mail address.
    for (var channel : channels) {
      if (channel.equals(Channels.PUSH) || channel.equals(Channels.INAPP)) {
        continue;
      }
      Sql.update(
          c,
          "INSERT INTO delivery (notification_id, member_id, channel, address, state, attempts,"
              + " due_at, updated_at) SELECT ?, m.id, ?, m.email, 'PENDING', 0, ?, ?"
              + " FROM member m JOIN ("
              + recipients
              + ") r ON r.member_id = m.id",
          n.id(),
          channel,
          now,
          now,
          key);
    }
    Sql.update(
        c,
        "UPDATE notification SET state = 'PROCESSING', dispatched_at = ?, updated_at = ?,"
            + " recipient_count = (SELECT COUNT(*) FROM ("
            + recipients
            + ") r) WHERE id = ?",
        now,
        now,
        key,
        n.id());
  }

  private static String recipients(Due n) {
    return switch (n.scope()) {
      case "USR" -> USR;
      case "SLN" -> SLN;
      case "SLN_GRP" -> SLN_GRP;
      case "ORG" -> ORG;
      default -> throw new IllegalStateException("Unknown scope " + n.scope());
    };
  }

  /** The one parameter of the recipients subquery. */
  private static Object recipientKey(Due n) {
    return switch (n.scope()) {
      case "USR", "SLN_GRP" -> n.id();
      case "SLN" -> n.solutionId();
      default -> n.organizationId();
    };
  }
}
