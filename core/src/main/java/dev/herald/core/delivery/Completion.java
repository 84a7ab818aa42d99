package dev.herald.core.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Moves notifications with no pending delivery to their final state. It runs after the transaction
 * that recorded the outcomes has committed, so of two workers finishing the last deliveries of one
 * notification at the same time, the later one always sees both outcomes.
 */
final class Completion {

  private static final String FINAL_STATE =
      "CASE WHEN NOT EXISTS (SELECT 1 FROM delivery_tally f WHERE f.notification_id = n.id"
          + " AND f.failed > 0) THEN 'COMPLETED'"
          + " WHEN NOT EXISTS (SELECT 1 FROM delivery_tally s WHERE s.notification_id = n.id"
          + " AND s.delivered > 0) THEN 'FAILED' ELSE 'PARTIALLY_FAILED' END";

  /** Fanned out whole, and nothing pending: reads the tally, never the deliveries. */
  private static final String NOTHING_PENDING =
      "n.state = 'PROCESSING' AND n.fanout_done AND NOT EXISTS (SELECT 1 FROM delivery_tally p"
          + " WHERE p.notification_id = n.id AND p.pending > 0)";

  /** Finished notifications whose state lines one query reads. */
  private static final int IDS_PER_QUERY = 500;

  private final Transactor transactor;
  private final Clock clock;

  Completion(Transactor transactor, Clock clock) {
    this.transactor = transactor;
    this.clock = clock;
  }

  /**
   * Completes those of the given notifications that have nothing pending. Their rows are updated in
   * one order on every node: two workers completing the same notifications in different orders
   * deadlocked (seen on H2 in QueueRaceTest).
   */
  int complete(Collection<UUID> notificationIds) {
    var inLockOrder = new TreeSet<>(notificationIds);
    var finished =
        transactor.inTransaction(
            c -> {
              var done = new ArrayList<UUID>();
              for (var id : inLockOrder) {
                var changed =
                    Sql.update(
                        c,
                        "UPDATE notification n SET state = "
                            + FINAL_STATE
                            + ", updated_at = ? WHERE n.id = ? AND "
                            + NOTHING_PENDING,
                        Sql.now(clock),
                        id);
                if (changed > 0) {
                  done.add(id);
                }
              }
              return StateLog.enabled() ? outcomes(c, done) : List.<Outcome>of();
            });
    finished.forEach(Outcome::log);
    return finished.size();
  }

  /** A finished notification's final state and counts, for its state line. */
  private record Outcome(
      UUID id, String state, long delivered, long failed, StringJoiner byChannel) {

    void log() {
      StateLog.finished(id, state, delivered, failed, byChannel.toString());
    }
  }

  private static List<Outcome> outcomes(Connection c, List<UUID> ids) throws SQLException {
    var outcomes = new LinkedHashMap<UUID, Outcome>();
    for (var from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      var some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
      try (var select =
              Sql.prepare(
                  c,
                  "SELECT n.id, n.state, t.channel, t.delivered, t.failed FROM notification n"
                      + " LEFT JOIN delivery_tally t ON t.notification_id = n.id WHERE n.id IN ("
                      + String.join(", ", Collections.nCopies(some.size(), "?"))
                      + ") ORDER BY n.id, t.channel",
                  some.toArray());
          var rs = select.executeQuery()) {
        while (rs.next()) {
          var id = Sql.uuid(rs, "id");
          var channel = rs.getString("channel");
          var delivered = rs.getLong("delivered");
          var failed = rs.getLong("failed");
          var known = outcomes.get(id);
          var byChannel = known == null ? new StringJoiner(", ") : known.byChannel();
          if (channel != null) {
            byChannel.add(channel + " " + delivered + "/" + failed);
          }
          outcomes.put(
              id,
              known == null
                  ? new Outcome(id, rs.getString("state"), delivered, failed, byChannel)
                  : new Outcome(
                      id,
                      known.state(),
                      known.delivered() + delivered,
                      known.failed() + failed,
                      byChannel));
        }
      }
    }
    return List.copyOf(outcomes.values());
  }

  /**
   * The safety net after a crash between recording and completing: completes any such notification.
   * It finds them without locking and completes them as {@link #complete} does, in the same order:
   * one UPDATE over all of them locked rows in the database's scan order and deadlocked with the
   * workers completing their batches (seen on H2 on WildFly, where the wait held up a fan-out 7 s).
   */
  int completeAll() {
    var ids =
        transactor.inTransaction(
            c -> {
              var found = new ArrayList<UUID>();
              try (var select =
                      Sql.prepare(c, "SELECT n.id FROM notification n WHERE " + NOTHING_PENDING);
                  var rs = select.executeQuery()) {
                while (rs.next()) {
                  found.add(Sql.uuid(rs, "id"));
                }
              }
              return found;
            });
    return ids.isEmpty() ? 0 : complete(ids);
  }
}
