package dev.herald.core.delivery;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

/**
 * Moves notifications with no pending delivery to their final state. It runs after the transaction
 * that recorded the outcomes has committed, so of two workers finishing the last deliveries of one
 * notification at the same time, the later one always sees both outcomes.
 */
final class Completion {

  private static final String FINAL_STATE =
      "CASE WHEN NOT EXISTS (SELECT 1 FROM delivery f WHERE f.notification_id = n.id"
          + " AND f.state = 'FAILED') THEN 'COMPLETED'"
          + " WHEN NOT EXISTS (SELECT 1 FROM delivery s WHERE s.notification_id = n.id"
          + " AND s.state = 'DELIVERED') THEN 'FAILED' ELSE 'PARTIALLY_FAILED' END";

  private static final String NOTHING_PENDING =
      "n.state = 'PROCESSING' AND NOT EXISTS (SELECT 1 FROM delivery p"
          + " WHERE p.notification_id = n.id AND p.state = 'PENDING')";

  private final Transactor transactor;
  private final Clock clock;

  Completion(Transactor transactor, Clock clock) {
    this.transactor = transactor;
    this.clock = clock;
  }

  /** Completes those of the given notifications that have nothing pending. */
  int complete(Collection<UUID> notificationIds) {
    return transactor.inTransaction(
        c -> {
          var done = 0;
          for (var id : notificationIds) {
            done +=
                Sql.update(
                    c,
                    "UPDATE notification n SET state = "
                        + FINAL_STATE
                        + ", updated_at = ? WHERE n.id = ? AND "
                        + NOTHING_PENDING,
                    Sql.now(clock),
                    id);
          }
          return done;
        });
  }

  /**
   * The safety net after a crash between recording and completing: completes any such notification.
   */
  int completeAll() {
    return transactor.inTransaction(
        c ->
            Sql.update(
                c,
                "UPDATE notification n SET state = "
                    + FINAL_STATE
                    + ", updated_at = ? WHERE "
                    + NOTHING_PENDING,
                Sql.now(clock)));
  }
}
