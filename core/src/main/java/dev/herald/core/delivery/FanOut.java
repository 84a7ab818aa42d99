package dev.herald.core.delivery;

import dev.herald.core.common.Columns;
import dev.herald.core.notification.Channels;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Resolves the next chunk of a leased notification's recipients into inbox items and deliveries
 * with INSERT … SELECT statements: the recipients never pass through Java. A chunk is a key range
 * of member ids after the notification's {@code fanout_cursor}; it runs in one short transaction
 * with the notification's row locked, so two nodes never write the same chunk, and its deliveries
 * can be sent as soon as it commits, while later chunks are still being written. Each statement
 * skips what already exists, so a database left half-written by an older version is completed, not
 * refused by the unique constraints for ever.
 */
final class FanOut {

  /** What became of a notification's turn. */
  enum Step {
    /** The notification has more recipients after this chunk. */
    MORE,
    /** This was the last chunk (or the notification had no recipients). */
    DONE,
    /** The notification is no longer waiting to be fanned out (cancelled, set aside, done). */
    GONE
  }

  /**
   * A chunk written: what comes next and, for the state line of a notification's first chunk, what
   * it wrote.
   *
   * @param first whether this chunk moved the notification to PROCESSING
   * @param members the recipients in it
   * @param tally the deliveries it wrote, by channel
   * @param inappDelivered its in-app deliveries, delivered when it commits
   */
  record Chunk(Step step, boolean first, int members, Tally tally, long inappDelivered) {

    static final Chunk GONE = new Chunk(Step.GONE, false, 0, null, 0);
  }

  /** The recipients of a notification, as a subquery with one column {@code member_id}. */
  private static final String USR =
      "SELECT member_id FROM notification_recipient WHERE notification_id = ?";

  private static final String SLN = "SELECT member_id FROM solution_member WHERE solution_id = ?";
  private static final String SLN_GRP =
      "SELECT DISTINCT gm.member_id FROM group_member gm"
          + " JOIN notification_group ng ON ng.group_id = gm.group_id WHERE ng.notification_id = ?";
  private static final String ORG = "SELECT id AS member_id FROM member WHERE organization_id = ?";

  /**
   * Ends each "skip what already exists" subquery, so that it is one unique-index probe per row of
   * the chunk. Without it PostgreSQL may turn the NOT EXISTS into a hash anti-join that reads all
   * the notification's rows written so far (its statistics lag behind a fan-out) for every chunk:
   * quadratic in the broadcast's size, 2.9 s per chunk of 5,000 at 100,000 devices in the
   * benchmark. A subquery with an OFFSET is never pulled up into a join (PostgreSQL and H2).
   */
  private static final String PROBE_PER_ROW = " OFFSET 0 ROWS";

  private FanOut() {}

  /**
   * Fans out the next chunk of at most {@code size} recipients and, unless it was the last, keeps
   * the notification leased until {@code leaseUntil}.
   */
  static Chunk next(Connection c, DueNotification n, Instant now, int size, Instant leaseUntil)
      throws SQLException {
    var progress = lock(c, n);
    if (progress == null) {
      return Chunk.GONE;
    }
    var first = progress.cursor() == null;
    var range = range(c, n, progress.cursor(), size);
    var tally = new Tally(n.id());
    var done = range.members() < size;
    var inapp = 0L;
    if (range.members() > 0) {
      inapp = insert(c, n, range, priority(range, done), now, tally);
      tally.save(c);
    }
    Sql.update(
        c,
        "UPDATE notification SET state = 'PROCESSING', dispatched_at = COALESCE(dispatched_at, ?),"
            + " updated_at = ?, dispatch_after = ?, last_error = NULL,"
            + " recipient_count = COALESCE(recipient_count, 0) + ?, fanout_cursor = ?,"
            + " fanout_done = ? WHERE id = ?",
        now,
        now,
        done ? null : leaseUntil,
        range.members(),
        range.members() > 0 ? range.last() : progress.cursor(),
        done,
        n.id());
    return new Chunk(done ? Step.DONE : Step.MORE, first, range.members(), tally, inapp);
  }

  private record Progress(UUID cursor) {}

  /**
   * Locks the notification's row for this transaction if it is still to be fanned out, waiting for
   * another chunk's transaction rather than skipping: the lease, not the lock, says whose it is.
   */
  private static Progress lock(Connection c, DueNotification n) throws SQLException {
    try (var select =
            Sql.prepare(
                c,
                "SELECT fanout_cursor FROM notification WHERE id = ? AND NOT fanout_done"
                    + " AND state IN ('QUEUED', 'SCHEDULED', 'PROCESSING') FOR UPDATE",
                n.id());
        var rs = select.executeQuery()) {
      return rs.next() ? new Progress(Sql.uuid(rs, "fanout_cursor")) : null;
    }
  }

  /** The next chunk: member ids after {@code after} up to and including {@code last}. */
  private record Range(UUID after, UUID last, int members) {

    /** The chunk's recipients as a subquery with one column {@code member_id}. */
    String recipients(DueNotification n) {
      return "SELECT rr.member_id FROM ("
          + FanOut.recipients(n)
          + ") rr WHERE "
          + (after == null ? "" : "rr.member_id > ? AND ")
          + "rr.member_id <= ?";
    }

    /** The parameters of {@link #recipients}. */
    List<Object> parameters(DueNotification n) {
      var parameters = new ArrayList<Object>(3);
      parameters.add(recipientKey(n));
      if (after != null) {
        parameters.add(after);
      }
      parameters.add(last);
      return parameters;
    }
  }

  private static Range range(Connection c, DueNotification n, UUID after, int size)
      throws SQLException {
    var params = new ArrayList<Object>();
    params.add(recipientKey(n));
    if (after != null) {
      params.add(after);
    }
    try (var select =
            Sql.prepare(
                c,
                // PostgreSQL has no MAX(uuid): the chunk's last id is its first in reverse order.
                "SELECT chunk.member_id, COUNT(*) OVER () FROM (SELECT rr.member_id FROM ("
                    + recipients(n)
                    + ") rr"
                    + (after == null ? "" : " WHERE rr.member_id > ?")
                    + " ORDER BY rr.member_id FETCH FIRST "
                    + size
                    + " ROWS ONLY) chunk ORDER BY chunk.member_id DESC FETCH FIRST 1 ROWS ONLY",
                params.toArray());
        var rs = select.executeQuery()) {
      return rs.next()
          ? new Range(after, Columns.uuid(rs.getObject(1)), rs.getInt(2))
          : new Range(after, null, 0);
    }
  }

  /** Writes the chunk's inbox items and deliveries; returns its in-app deliveries. */
  private static long insert(
      Connection c, DueNotification n, Range range, short priority, Instant now, Tally tally)
      throws SQLException {
    var recipients = range.recipients(n);
    var inapp = 0L;
    var expiresAt = n.ttlSeconds() == null ? null : now.plusSeconds(n.ttlSeconds());
    if (n.channels().contains(Channels.INAPP)) {
      Sql.update(
          c,
          "INSERT INTO inbox_item (organization_id, member_id, notification_id, created_at,"
              + " expires_at) SELECT ?, r.member_id, ?, ?, ? FROM ("
              + recipients
              + ") r WHERE NOT EXISTS (SELECT 1 FROM inbox_item x WHERE x.notification_id = ?"
              + " AND x.member_id = r.member_id"
              + PROBE_PER_ROW
              + ")",
          params(new Object[] {n.organizationId(), n.id(), now, expiresAt}, range, n, n.id()));
      inapp =
          Sql.update(
              c,
              "INSERT INTO delivery (notification_id, member_id, channel, target, address, state,"
                  + " attempts, due_at, updated_at) SELECT ?, r.member_id, 'inapp', r.member_id,"
                  + " 'inbox', 'DELIVERED', 1, ?, ? FROM ("
                  + recipients
                  + ") r WHERE "
                  + notYetFor("'inapp'", "r.member_id"),
              params(new Object[] {n.id(), now, now}, range, n, n.id()));
      tally.delivered(Channels.INAPP, inapp);
    }
    if (n.channels().contains(Channels.PUSH)) {
      tally.pending(
          Channels.PUSH,
          Sql.update(
              c,
              "INSERT INTO delivery (notification_id, member_id, channel, device_id, target,"
                  + " platform, address, state, attempts, due_at, updated_at, priority)"
                  + " SELECT ?, d.member_id, 'push', d.id, d.id, d.platform, d.token, 'PENDING', 0,"
                  + " ?, ?, ? FROM device d JOIN ("
                  + recipients
                  + ") r ON r.member_id = d.member_id WHERE d.active = TRUE AND "
                  + notYetFor("'push'", "d.id"),
              params(new Object[] {n.id(), now, now, priority}, range, n, n.id())));
    }
    // E-mail and the channels of third-party providers go to the member's e-mail address.
    for (var channel : n.channels()) {
      if (channel.equals(Channels.PUSH) || channel.equals(Channels.INAPP)) {
        continue;
      }
      tally.pending(
          channel,
          Sql.update(
              c,
              "INSERT INTO delivery (notification_id, member_id, channel, target, address, state,"
                  + " attempts, due_at, updated_at, priority) SELECT ?, m.id, ?, m.id, m.email,"
                  + " 'PENDING', 0, ?, ?, ? FROM member m JOIN ("
                  + recipients
                  + ") r ON r.member_id = m.id WHERE "
                  + notYetFor("?", "m.id"),
              params(
                  new Object[] {n.id(), channel, now, now, priority}, range, n, n.id(), channel)));
    }
    return inapp;
  }

  /**
   * Which deliveries are claimed first (lowest first, then oldest): a notification whose whole
   * audience is this one chunk (0), a broadcast's first chunk (1), a broadcast's later chunks (2).
   * A notification to a few members thus never queues behind a broadcast on its channel, not even
   * behind the broadcast's first chunk (in the benchmark, iOS pushes to one member sent in a
   * broadcast's first seconds waited up to 13 s when that chunk counted as theirs did); and a new
   * broadcast's first pushes go out before the backlog of one under way. The channels' lanes claim
   * only 0.
   */
  private static short priority(Range range, boolean wholeAudience) {
    if (range.after() != null) {
      return 2;
    }
    return (short) (wholeAudience ? 0 : 1);
  }

  /** The parameters before the chunk's subquery, the chunk's, then those after it. */
  private static Object[] params(Object[] before, Range range, DueNotification n, Object... after) {
    var all = new ArrayList<Object>(Arrays.asList(before));
    all.addAll(range.parameters(n));
    all.addAll(List.of(after));
    return all.toArray();
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
        + PROBE_PER_ROW
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
