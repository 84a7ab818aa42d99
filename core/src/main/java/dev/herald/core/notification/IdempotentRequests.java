package dev.herald.core.notification;

import dev.herald.core.common.Columns;
import dev.herald.core.common.HeraldUnit;
import dev.herald.core.common.IdempotencyKeyReusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The idempotency keys of an organization's sending requests ({@code idempotent_request}, ADR
 * 0012): for 24 hours a key stands for the first request sent with it, the notification that
 * request created and the answer it got. Rows are written in the transaction that creates the
 * notification, so a key exists exactly when its notification does; the primary key refuses a
 * second row, which is what stops concurrent requests with one key from creating two.
 */
@ApplicationScoped
@Transactional
public class IdempotentRequests {

  /** How long a key stands for its first request. */
  public static final Duration KEPT = Duration.ofHours(24);

  /** The first request sent with a key: what it created and its answer, if one was kept. */
  record Earlier(UUID notificationId, String answer) {}

  @Inject @HeraldUnit EntityManager em;

  /**
   * The request a key stands for, when it is still kept; an {@link IdempotencyKeyReusedException}
   * when that request differs from this one.
   */
  Optional<Earlier> find(String organizationId, String key, String fingerprint, Instant now) {
    var rows =
        em.createNativeQuery(
                "SELECT fingerprint, notification_id, answer FROM idempotent_request"
                    + " WHERE organization_id = ?1 AND idempotency_key = ?2 AND expires_at > ?3")
            .setParameter(1, organizationId)
            .setParameter(2, key)
            .setParameter(3, now)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    var row = (Object[]) rows.get(0);
    if (!fingerprint.equals(row[0])) {
      throw new IdempotencyKeyReusedException(
          "This Idempotency-Key was used for a different request in the last 24 hours");
    }
    return Optional.of(new Earlier(Columns.uuid(row[1]), (String) row[2]));
  }

  /**
   * Keeps a key for the notification just created, in its transaction. A row of an expired use of
   * the key goes first; a row another transaction holds makes this one fail.
   */
  void keep(
      String organizationId,
      String key,
      String fingerprint,
      UUID notificationId,
      String answer,
      Instant now) {
    em.createNativeQuery(
            "DELETE FROM idempotent_request"
                + " WHERE organization_id = ?1 AND idempotency_key = ?2 AND expires_at <= ?3")
        .setParameter(1, organizationId)
        .setParameter(2, key)
        .setParameter(3, now)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO idempotent_request (organization_id, idempotency_key, fingerprint,"
                + " notification_id, answer, created_at, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, organizationId)
        .setParameter(2, key)
        .setParameter(3, fingerprint)
        .setParameter(4, notificationId)
        .setParameter(5, answer)
        .setParameter(6, now)
        .setParameter(7, now.plus(KEPT))
        .executeUpdate();
  }

  /** Forgets the keys that expired before {@code now}; returns how many. */
  public int purgeExpired(Instant now) {
    return em.createNativeQuery("DELETE FROM idempotent_request WHERE expires_at <= ?1")
        .setParameter(1, now)
        .executeUpdate();
  }
}
