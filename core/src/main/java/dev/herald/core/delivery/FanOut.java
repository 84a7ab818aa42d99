package dev.herald.core.delivery;

import dev.herald.core.notification.Channels;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Resolves one leased notification into inbox items and deliveries with INSERT … SELECT statements:
 * the recipients never pass through Java. It runs in one transaction with the notification's row
 * locked, and only while the notification is still waiting, so it happens once. Each statement
 * skips what already exists, so a database left half-written by an older version is completed, not
 * refused by the unique constraints for ever.
 */
final class FanOut {

  /** The recipients of a notification, as a subquery with one column {@code member_id}. */
  private static final String USR =
      "SELECT member_id FROM notification_recipient WHERE notification_id = ?";

  private static final String SLN = "SELECT member_id FROM solution_member WHERE solution_id = ?";
  private static final String SLN_GRP =
      "SELECT DISTINCT gm.member_id FROM group_member gm"
          + " JOIN notification_group ng ON ng.group_id = gm.group_id WHERE ng.notification_id = ?";
  private static final String ORG = "SELECT id AS member_id FROM member WHERE organization_id = ?";

  private FanOut() {}

  /** Fans the notification out; {@code false} when another node has it or it is not waiting. */
  static boolean run(Connection c, DueNotification n, Instant now) throws SQLException {
    if (!lock(c, n)) {
      return false;
    }
    var recipients = recipients(n);
    var key = recipientKey(n);
    var expiresAt = n.ttlSeconds() == null ? null : now.plusSeconds(n.ttlSeconds());
    if (n.channels().contains(Channels.INAPP)) {
      Sql.update(
          c,
          "INSERT INTO inbox_item (organization_id, member_id, notification_id, created_at,"
              + " expires_at) SELECT ?, r.member_id, ?, ?, ? FROM ("
              + recipients
              + ") r WHERE NOT EXISTS (SELECT 1 FROM inbox_item x WHERE x.notification_id = ?"
              + " AND x.member_id = r.member_id)",
          n.organizationId(),
          n.id(),
          now,
          expiresAt,
          key,
          n.id());
      Sql.update(
          c,
          "INSERT INTO delivery (notification_id, member_id, channel, target, address, state,"
              + " attempts, due_at, updated_at) SELECT ?, r.member_id, 'inapp', r.member_id,"
              + " 'inbox', 'DELIVERED', 1, ?, ? FROM ("
              + recipients
              + ") r WHERE "
              + notYetFor("'inapp'", "r.member_id"),
          n.id(),
          now,
          now,
          key,
          n.id());
    }
    if (n.channels().contains(Channels.PUSH)) {
      Sql.update(
          c,
          "INSERT INTO delivery (notification_id, member_id, channel, device_id, target, platform,"
              + " address, state, attempts, due_at, updated_at)"
              + " SELECT ?, d.member_id, 'push', d.id, d.id, d.platform, d.token, 'PENDING', 0, ?, ?"
              + " FROM device d JOIN ("
              + recipients
              + ") r ON r.member_id = d.member_id WHERE d.active = TRUE AND "
              + notYetFor("'push'", "d.id"),
          n.id(),
          now,
          now,
          key,
          n.id());
    }
    // E-mail and the channels of third-party providers go to the member's e-mail address.
    for (var channel : n.channels()) {
      if (channel.equals(Channels.PUSH) || channel.equals(Channels.INAPP)) {
        continue;
      }
      Sql.update(
          c,
          "INSERT INTO delivery (notification_id, member_id, channel, target, address, state,"
              + " attempts, due_at, updated_at) SELECT ?, m.id, ?, m.id, m.email, 'PENDING', 0, ?, ?"
              + " FROM member m JOIN ("
              + recipients
              + ") r ON r.member_id = m.id WHERE "
              + notYetFor("?", "m.id"),
          n.id(),
          channel,
          now,
          now,
          key,
          n.id(),
          channel);
    }
    Sql.update(
        c,
        "UPDATE notification SET state = 'PROCESSING', dispatched_at = ?, updated_at = ?,"
            + " dispatch_after = NULL, last_error = NULL, recipient_count = (SELECT COUNT(*) FROM ("
            + recipients
            + ") r) WHERE id = ?",
        now,
        now,
        key,
        n.id());
    return true;
  }

  /** Locks the notification's row for this transaction if it is still waiting to be dispatched. */
  private static boolean lock(Connection c, DueNotification n) throws SQLException {
    try (var select =
            Sql.prepare(
                c,
                "SELECT id FROM notification WHERE id = ? AND state IN ('QUEUED', 'SCHEDULED')"
                    + " FOR UPDATE SKIP LOCKED",
                n.id());
        var rs = select.executeQuery()) {
      return rs.next();
    }
  }

  /**
   * A condition that there is no delivery yet of this notification (the next parameter) on the
   * channel to the target.
   */
  private static String notYetFor(String channel, String target) {
    return "NOT EXISTS (SELECT 1 FROM delivery x WHERE x.notification_id = ?"
        + " AND x.channel = "
        + channel
        + " AND x.target = "
        + target
        + ")";
  }

  private static String recipients(DueNotification n) {
    return switch (n.scope()) {
      case "USR" -> USR;
      case "SLN" -> SLN;
      case "SLN_GRP" -> SLN_GRP;
      case "ORG" -> ORG;
      default -> throw new IllegalStateException("Unknown scope " + n.scope());
    };
  }

  /** The one parameter of the recipients subquery. */
  private static Object recipientKey(DueNotification n) {
    return switch (n.scope()) {
      case "USR", "SLN_GRP" -> n.id();
      case "SLN" -> n.solutionId();
      default -> n.organizationId();
    };
  }
}
