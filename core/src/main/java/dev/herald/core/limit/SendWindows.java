package dev.herald.core.limit;

import dev.herald.core.common.DatabaseProduct;
import dev.herald.core.common.HeraldUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * The counts of {@code send_window}, each statement in a short transaction of its own: a count
 * holds its row's lock only for one UPDATE, so one credential's requests queue behind each other
 * for that long and no one else's do.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class SendWindows {

  @Inject @HeraldUnit EntityManager em;

  /** Whether the database is PostgreSQL (else H2); found out on first use. */
  private volatile Boolean postgres;

  /**
   * Counts {@code quota} more requests in the window if the count stays within {@code limit};
   * whether it did.
   */
  public boolean count(String credential, Instant window, int limit, int quota) {
    return em.createNativeQuery(
                "UPDATE send_window SET requests = requests + ?4"
                    + " WHERE credential = ?1 AND window_start = ?2 AND requests + ?4 <= ?3")
            .setParameter(1, credential)
            .setParameter(2, window)
            .setParameter(3, limit)
            .setParameter(4, quota)
            .executeUpdate()
        == 1;
  }

  /** The requests counted in the window; empty when no one opened it yet. */
  public Optional<Integer> requests(String credential, Instant window) {
    var rows =
        em.createNativeQuery(
                "SELECT requests FROM send_window WHERE credential = ?1 AND window_start = ?2")
            .setParameter(1, credential)
            .setParameter(2, window)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).intValue());
  }

  /**
   * Opens a window with its first quota, unless another request just did; whether it did. On
   * PostgreSQL the loser of a race between nodes skips; H2 (one node) may still fail it, which is
   * why {@link SendLimits} opens one window at a time.
   */
  public boolean open(String credential, Instant window, int quota) {
    return em.createNativeQuery(
                postgres()
                    ? "INSERT INTO send_window (credential, window_start, requests)"
                        + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"
                    : "MERGE INTO send_window w USING (VALUES (?1, ?2, ?3)) AS o (c, s, r)"
                        + " ON w.credential = o.c AND w.window_start = o.s"
                        + " WHEN NOT MATCHED THEN INSERT (credential, window_start, requests)"
                        + " VALUES (o.c, o.s, o.r)")
            .setParameter(1, credential)
            .setParameter(2, window)
            .setParameter(3, quota)
            .executeUpdate()
        == 1;
  }

  private boolean postgres() {
    var known = postgres;
    if (known == null) {
      known = DatabaseProduct.isPostgres(em);
      postgres = known;
    }
    return known;
  }

  public int deleteBefore(Instant start) {
    return em.createNativeQuery("DELETE FROM send_window WHERE window_start < ?1")
        .setParameter(1, start)
        .executeUpdate();
  }
}
