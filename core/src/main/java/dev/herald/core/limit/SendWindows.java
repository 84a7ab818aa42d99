package dev.herald.core.limit;

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

  /** Opens a window with its first quota; fails on the key when another node just did. */
  public void open(String credential, Instant window, int quota) {
    em.createNativeQuery(
            "INSERT INTO send_window (credential, window_start, requests) VALUES (?1, ?2, ?3)")
        .setParameter(1, credential)
        .setParameter(2, window)
        .setParameter(3, quota)
        .executeUpdate();
  }

  public int deleteBefore(Instant start) {
    return em.createNativeQuery("DELETE FROM send_window WHERE window_start < ?1")
        .setParameter(1, start)
        .executeUpdate();
  }
}
