package dev.herald.core.inbox;

import dev.herald.core.common.Columns;
import dev.herald.core.common.Cursor;
import dev.herald.core.common.HeraldUnit;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.NotFoundException;
import dev.herald.core.common.Page;
import dev.herald.core.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A member's inbox: reading it, counting the unread, marking read, and the reads behind its live
 * stream. Expired items are invisible.
 */
@ApplicationScoped
@Transactional
public class InboxService {

  private static final String SELECT =
      "SELECT i.id, i.member_id, i.notification_id, n.title, n.body, n.jig_id, n.screen, n.inputs,"
          + " i.created_at, i.read_at FROM inbox_item i JOIN notification n ON n.id = i.notification_id";
  private static final String VISIBLE = " AND (i.expires_at IS NULL OR i.expires_at > ?2)";

  /** Values per IN list: well below every driver's limit on parameters. */
  private static final int CHUNK = 500;

  @Inject @HeraldUnit EntityManager em;

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

  /**
   * What a stream resuming after an event id missed, oldest first: the member's items with a
   * greater id, and also those with a smaller id dispatched at most {@link LateCommits#WINDOW}
   * before the last event, because such an item may have committed after the client received the
   * last event. The client may therefore receive again an item it already has; it recognises it by
   * its id (ADR 0007).
   */
  public List<InboxItem> since(UUID memberId, long lastEventId, int max) {
    var now = Timestamps.now();
    var newer =
        query(
            SELECT + " WHERE i.member_id = ?1" + VISIBLE + " AND i.id > ?3 ORDER BY i.id",
            max,
            memberId,
            now,
            lastEventId);
    var last = createdAt(memberId, lastEventId);
    if (last == null) {
      return newer;
    }
    var late =
        query(
            SELECT
                + " WHERE i.member_id = ?1"
                + VISIBLE
                + " AND i.id < ?3 AND i.created_at >= ?4 ORDER BY i.id",
            max,
            memberId,
            now,
            lastEventId,
            last.minus(LateCommits.WINDOW));
    var all = new ArrayList<InboxItem>(late.size() + newer.size());
    all.addAll(late);
    all.addAll(newer);
    return all;
  }

  private Instant createdAt(UUID memberId, long itemId) {
    var rows =
        em.createNativeQuery("SELECT created_at FROM inbox_item WHERE id = ?1 AND member_id = ?2")
            .setParameter(1, itemId)
            .setParameter(2, memberId)
            .getResultList();
    return rows.isEmpty() ? null : Columns.instant(rows.get(0));
  }

  /**
   * The ids of the members' items dispatched since a moment and committed by now, whatever the
   * order in which they committed (expired ones too: {@link #byIds} leaves those out). Index {@code
   * inbox_item_member_created} makes this one short range per member: the cost follows these
   * members' own items, never the other organizations' traffic.
   */
  public List<RecentItem> recent(Collection<UUID> memberIds, Instant since) {
    var recent = new ArrayList<RecentItem>();
    var ids = List.copyOf(memberIds);
    for (int i = 0; i < ids.size(); i += CHUNK) {
      var chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
      var params = new ArrayList<Object>(chunk.size() + 1);
      params.add(since);
      var sql =
          "SELECT i.id, i.created_at FROM inbox_item i WHERE i.created_at >= ?1 AND i.member_id IN ("
              + placeholders(params, chunk)
              + ")";
      for (var r : rows(sql, params)) {
        recent.add(new RecentItem(((Number) r[0]).longValue(), Columns.instant(r[1])));
      }
    }
    return recent;
  }

  /** The member's items a stream opening now must not present as new: those committed already. */
  public List<RecentItem> visibleAtOpen(UUID memberId) {
    return recent(List.of(memberId), LateCommits.since(Instant.now()));
  }

  /** Items by id, oldest first, leaving out expired ones. */
  public List<InboxItem> byIds(Collection<Long> itemIds) {
    var items = new ArrayList<InboxItem>();
    var ids = List.copyOf(itemIds);
    for (int i = 0; i < ids.size(); i += CHUNK) {
      var chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
      var params = new ArrayList<Object>(chunk.size() + 2);
      params.add(Timestamps.now());
      items.addAll(
          query(
              SELECT
                  + " WHERE (i.expires_at IS NULL OR i.expires_at > ?1) AND i.id IN ("
                  + placeholders(params, chunk)
                  + ")",
              Integer.MAX_VALUE,
              params.toArray()));
    }
    items.sort(Comparator.comparingLong(InboxItem::id));
    return items;
  }

  /** Adds the values to the parameters and returns their positional placeholders. */
  private static String placeholders(List<Object> params, List<?> values) {
    var text = new StringBuilder();
    for (var value : values) {
      params.add(value);
      text.append(text.length() == 0 ? "?" : ",?").append(params.size());
    }
    return text.toString();
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
  private List<Object[]> rows(String sql, List<Object> params) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    return query.getResultList();
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
