package dev.herald.core.inbox;

import dev.herald.core.common.Columns;
import dev.herald.core.common.Cursor;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.NotFoundException;
import dev.herald.core.common.Page;
import dev.herald.core.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A member's inbox: reading it, counting the unread, marking read. Expired items are invisible. */
@ApplicationScoped
@Transactional
public class InboxService {

  private static final String SELECT =
      "SELECT i.id, i.member_id, i.notification_id, n.title, n.body, n.jig_id, n.screen, n.inputs,"
          + " i.created_at, i.read_at FROM inbox_item i JOIN notification n ON n.id = i.notification_id";
  private static final String VISIBLE = " AND (i.expires_at IS NULL OR i.expires_at > ?2)";

  @PersistenceContext(unitName = "herald")
  EntityManager em;

  /** The member's inbox, newest first. */
  public Page<InboxItem> list(UUID memberId, boolean unreadOnly, String limit, String cursor) {
    var size = Page.limit(limit);
    var after = Cursor.decode(cursor, 1);
    long before;
    try {
      before = after == null ? Long.MAX_VALUE : Long.parseLong(after.get(0));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("cursor is not valid");
    }
    var rows =
        query(
            SELECT
                + " WHERE i.member_id = ?1"
                + VISIBLE
                + (unreadOnly ? " AND i.read_at IS NULL" : "")
                + " AND i.id < ?3 ORDER BY i.id DESC",
            size + 1,
            memberId,
            Timestamps.now(),
            before);
    return Page.of(rows, size, item -> Cursor.encode(Long.toString(item.id())));
  }

  /** Items after an event id, oldest first: what a reconnecting stream missed. */
  public List<InboxItem> since(UUID memberId, long lastEventId, int max) {
    return query(
        SELECT + " WHERE i.member_id = ?1" + VISIBLE + " AND i.id > ?3 ORDER BY i.id",
        max,
        memberId,
        Timestamps.now(),
        lastEventId);
  }

  /** The items of one notification for some members, for the live feed. */
  public List<InboxItem> ofNotification(UUID notificationId, Collection<UUID> memberIds) {
    var items = new ArrayList<InboxItem>();
    var ids = List.copyOf(memberIds);
    for (int i = 0; i < ids.size(); i += 500) {
      var chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      var placeholders = new StringBuilder();
      var params = new ArrayList<Object>(List.of(notificationId, Timestamps.now()));
      for (var id : chunk) {
        placeholders.append(placeholders.length() == 0 ? "?" : ",?").append(params.size() + 1);
        params.add(id);
      }
      items.addAll(
          query(
              SELECT
                  + " WHERE i.notification_id = ?1"
                  + VISIBLE
                  + " AND i.member_id IN ("
                  + placeholders
                  + ")",
              Integer.MAX_VALUE,
              params.toArray()));
    }
    return items;
  }

  /** Notifications dispatched since a moment, oldest first: the live feed's source of news. */
  public List<UUID> dispatchedSince(Instant since) {
    return em.createQuery(
            "select n.id from Notification n where n.dispatchedAt >= :since order by n.dispatchedAt",
            UUID.class)
        .setParameter("since", since)
        .setMaxResults(1_000)
        .getResultList();
  }

  public long unreadCount(UUID memberId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM inbox_item i WHERE i.member_id = ?1"
                        + VISIBLE
                        + " AND i.read_at IS NULL")
                .setParameter(1, memberId)
                .setParameter(2, Timestamps.now())
                .getSingleResult())
        .longValue();
  }

  /** Marks the member's item of a notification read; marking it again changes nothing. */
  public void markRead(UUID memberId, UUID notificationId) {
    var now = Timestamps.now();
    var found =
        em.createNativeQuery(
                "UPDATE inbox_item i SET read_at = COALESCE(read_at, ?3) WHERE i.member_id = ?1"
                    + VISIBLE.replace("?2", "?3")
                    + " AND i.notification_id = ?2")
            .setParameter(1, memberId)
            .setParameter(2, notificationId)
            .setParameter(3, now)
            .executeUpdate();
    if (found == 0) {
      throw new NotFoundException("Notification not found in this inbox");
    }
  }

  /** Marks every item read and returns how many were unread. */
  public int markAllRead(UUID memberId) {
    return em.createNativeQuery(
            "UPDATE inbox_item SET read_at = ?2 WHERE member_id = ?1 AND read_at IS NULL")
        .setParameter(1, memberId)
        .setParameter(2, Timestamps.now())
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private List<InboxItem> query(String sql, int max, Object... params) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    if (max != Integer.MAX_VALUE) {
      query.setMaxResults(max);
    }
    var items = new ArrayList<InboxItem>();
    for (var r : (List<Object[]>) query.getResultList()) {
      items.add(
          new InboxItem(
              ((Number) r[0]).longValue(),
              Columns.uuid(r[1]),
              Columns.uuid(r[2]),
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              (String) r[7],
              Columns.instant(r[8]),
              Columns.instant(r[9])));
    }
    return items;
  }
}
