package dev.herald.core.notification;

import dev.herald.core.common.Columns;
import dev.herald.core.common.ConflictException;
import dev.herald.core.common.Cursor;
import dev.herald.core.common.HeraldUnit;
import dev.herald.core.common.IdempotencyKeyReusedException;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.InvalidRequestException.FieldError;
import dev.herald.core.common.NotFoundException;
import dev.herald.core.common.Page;
import dev.herald.core.common.Timestamps;
import dev.herald.core.member.MemberService;
import dev.herald.core.solution.Solution;
import dev.herald.core.solution.SolutionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Herald's Java API for notifications: sends them and answers questions about them, as the REST
 * API's {@code …/notifications} resource does (which is a thin HTTP layer over this bean). An
 * application that embeds Herald injects it and calls it directly, without HTTP or a token:
 *
 * <pre>{@code
 * @Inject Notifications notifications;
 *
 * var sent =
 *     notifications.send(
 *         "acme",
 *         "billing",
 *         NewNotification.toMembers("ann@acme.example")
 *             .title("Invoice paid")
 *             .text("Thank you")
 *             .deepLink("invoices", Map.of("invoiceId", "42"))
 *             .build());
 * }</pre>
 *
 * <p>Each method runs in the caller's JTA transaction when there is one, else in its own: a
 * notification sent in a transaction that rolls back was never accepted and is never delivered.
 * Accepting only checks and inserts: the dispatcher resolves the recipients after the commit, so a
 * broadcast to a million members is as quick to accept as a message to one. The caller is trusted
 * with every organization; Herald's roles apply to REST callers only. Bad input throws {@link
 * InvalidRequestException} (listing every problem), an unknown notification {@link
 * NotFoundException}, a state that does not allow the change {@link ConflictException}. The
 * notifications returned are snapshots: reading them needs no transaction.
 */
@ApplicationScoped
@Transactional
public class Notifications {

  private static final int CHUNK = 1_000;

  /**
   * The route of requests from Java callers: see {@link #send(String, String, NewNotification)}.
   */
  private static final String JAVA_ROUTE = "java";

  /** The longest sender name: the width of {@code created_by}. */
  private static final int MAX_SENDER = 320;

  @Inject @HeraldUnit EntityManager em;

  private final MemberService members;
  private final SolutionService solutions;
  private final ProviderChannels providers;
  private final Event<NotificationAccepted> accepted;
  private final Event<NotificationCancelled> cancelled;
  private final IdempotentRequests idempotentRequests;

  /** For the CDI proxy only. */
  Notifications() {
    this(null, null, null, null, null, null);
  }

  @Inject
  Notifications(
      MemberService members,
      SolutionService solutions,
      ProviderChannels providers,
      Event<NotificationAccepted> accepted,
      Event<NotificationCancelled> cancelled,
      IdempotentRequests idempotentRequests) {
    this.members = members;
    this.solutions = solutions;
    this.providers = providers;
    this.accepted = accepted;
    this.cancelled = cancelled;
    this.idempotentRequests = idempotentRequests;
  }

  /**
   * Checks a notification and queues it. Unknown e-mails, solutions or groups reject it whole. With
   * an idempotency key used in the last 24 hours for the same request, the notification that
   * request created is returned and nothing new is queued; used for a different request, it throws
   * {@link IdempotencyKeyReusedException}. In a caller's transaction, a second request with the
   * same key while the first one's transaction is open fails that second transaction.
   *
   * @param organizationId the organization whose members it is for
   * @param sender who sends it, recorded as its {@code createdBy} (a REST caller's member id)
   * @param request the notification, e.g. from {@link NewNotification#toMembers(String...)}
   */
  public Notification send(String organizationId, String sender, NewNotification request) {
    return send(organizationId, sender, request, JAVA_ROUTE, n -> null).notification();
  }

  /**
   * A notification sent, or the one an earlier request with the same idempotency key sent.
   *
   * @param notification what was queued
   * @param firstAnswer the answer kept for the request's idempotency key, if any
   * @param replayed whether an earlier request sent it
   */
  public record Sent(Notification notification, String firstAnswer, boolean replayed) {}

  /**
   * {@link #send(String, String, NewNotification)} for an API that answers over a protocol of its
   * own: with an idempotency key, {@code answer} renders the first answer, which is kept with the
   * key in the same transaction and returned to every repeat of the request.
   *
   * @param route which API sent it: a request is only ever the same as one sent to the same API
   */
  public Sent send(
      String organizationId,
      String sender,
      NewNotification request,
      String route,
      Function<Notification, String> answer) {
    var problems = new ArrayList<>(request.problems());
    senderProblem(sender).ifPresent(problems::add);
    InvalidRequestException.throwIfAny(problems);
    var key = request.idempotencyKey();
    var fingerprint = key == null ? null : request.fingerprint(route);
    var now = Timestamps.now();
    if (key != null) {
      var earlier = idempotentRequests.find(organizationId, key, fingerprint, now);
      if (earlier.isPresent()) {
        return new Sent(
            get(organizationId, earlier.get().notificationId()), earlier.get().answer(), true);
      }
    }
    var errors = new ArrayList<FieldError>();
    unknownChannels(request).ifPresent(errors::add);
    var groupIds = new ArrayList<UUID>();
    switch (request.scope()) {
      case USR -> {
        var known = members.idsByEmail(organizationId, request.emails());
        var unknown =
            request.emails().stream().filter(e -> !known.containsKey(e)).distinct().toList();
        if (!unknown.isEmpty()) {
          errors.add(new FieldError("emails", "unknown members: " + listed(unknown)));
        }
      }
      case SLN, SLN_GRP -> {
        var solution = em.find(Solution.class, request.solutionId());
        if (solution == null || !solution.organizationId().equals(organizationId)) {
          errors.add(new FieldError("solutionId", "unknown solution: " + request.solutionId()));
        } else if (request.scope() == Scope.SLN_GRP) {
          var ids = solutions.groupIds(request.solutionId(), request.groups());
          var unknown =
              request.groups().stream().filter(g -> !ids.containsKey(g)).distinct().toList();
          if (!unknown.isEmpty()) {
            errors.add(new FieldError("groups", "unknown groups: " + listed(unknown)));
          }
          groupIds.addAll(ids.values());
        }
      }
      case ORG -> {}
    }
    InvalidRequestException.throwIfAny(errors);
    var notification = new Notification(request, organizationId, sender, route, now);
    em.persist(notification);
    em.flush();
    if (request.scope() == Scope.USR) {
      addRecipients(organizationId, notification.id(), request.emails());
    }
    for (var groupId : groupIds) {
      em.createNativeQuery(
              "INSERT INTO notification_group (notification_id, group_id) VALUES (?1, ?2)")
          .setParameter(1, notification.id())
          .setParameter(2, groupId)
          .executeUpdate();
    }
    String firstAnswer = null;
    if (key != null) {
      firstAnswer = answer.apply(notification);
      idempotentRequests.keep(
          organizationId, key, fingerprint, notification.id(), firstAnswer, now);
    }
    accepted.fire(NotificationAccepted.of(notification));
    return new Sent(notification, firstAnswer, false);
  }

  /**
   * The first answer to a request whose idempotency key another transaction took meanwhile, once
   * that transaction committed (it holds the key's row until then).
   *
   * @throws ConflictException when that transaction has not committed yet
   */
  public Sent replay(String organizationId, NewNotification request, String route) {
    var earlier =
        idempotentRequests
            .find(
                organizationId,
                request.idempotencyKey(),
                request.fingerprint(route),
                Timestamps.now())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "A request with this Idempotency-Key is still being processed; retry it"));
    return new Sent(get(organizationId, earlier.notificationId()), earlier.answer(), true);
  }

  /** Names in an error message: the first twenty, so that a message never repeats a body. */
  private static String listed(List<String> names) {
    var shown = String.join(", ", names.subList(0, Math.min(20, names.size())));
    return names.size() <= 20 ? shown : shown + " and " + (names.size() - 20) + " more";
  }

  /** A channel that is neither built in nor delivered by a provider of this installation. */
  private Optional<FieldError> unknownChannels(NewNotification request) {
    var custom = providers.customChannels();
    var unknown =
        request.channels().stream()
            .filter(c -> !Channels.BUILT_IN.contains(c) && !custom.contains(c))
            .sorted()
            .toList();
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    var known = new ArrayList<>(Channels.BUILT_IN);
    known.addAll(custom);
    return Optional.of(
        new FieldError(
            "channels",
            "unknown channels: "
                + String.join(", ", unknown)
                + " (known: "
                + String.join(", ", known)
                + ")"));
  }

  /**
   * Resolves the e-mails of a USR notification into recipient rows, set-based, a chunk at a time.
   */
  private void addRecipients(String organizationId, UUID notificationId, List<String> emails) {
    var keys = emails.stream().map(dev.herald.core.member.Member::emailKey).distinct().toList();
    for (int i = 0; i < keys.size(); i += CHUNK) {
      var chunk = keys.subList(i, Math.min(keys.size(), i + CHUNK));
      var placeholders = new StringBuilder();
      for (int k = 0; k < chunk.size(); k++) {
        placeholders.append(k == 0 ? "?" : ",?").append(k + 3);
      }
      var insert =
          em.createNativeQuery(
              "INSERT INTO notification_recipient (notification_id, member_id) SELECT ?1, id FROM"
                  + " member WHERE organization_id = ?2 AND email_key IN ("
                  + placeholders
                  + ")");
      insert.setParameter(1, notificationId).setParameter(2, organizationId);
      for (int k = 0; k < chunk.size(); k++) {
        insert.setParameter(k + 3, chunk.get(k));
      }
      insert.executeUpdate();
    }
  }

  public Notification get(String organizationId, UUID id) {
    var notification = id == null ? null : em.find(Notification.class, id);
    if (notification == null || !notification.organizationId().equals(organizationId)) {
      throw new NotFoundException("Notification not found");
    }
    return notification;
  }

  /** Notifications newest first, optionally filtered. */
  public Page<Notification> list(
      String organizationId,
      NotificationState state,
      Scope scope,
      UUID solutionId,
      String limit,
      String cursor) {
    var size = Page.limit(limit);
    var after = Cursor.decode(cursor, 2);
    var jpql = new StringBuilder("select n from Notification n where n.organizationId = :org");
    if (state != null) {
      jpql.append(" and n.state = :state");
    }
    if (scope != null) {
      jpql.append(" and n.scope = :scope");
    }
    if (solutionId != null) {
      jpql.append(" and n.solutionId = :solution");
    }
    if (after != null) {
      jpql.append(" and (n.createdAt < :at or (n.createdAt = :at and n.id < :id))");
    }
    jpql.append(" order by n.createdAt desc, n.id desc");
    var query =
        em.createQuery(jpql.toString(), Notification.class).setParameter("org", organizationId);
    if (state != null) {
      query.setParameter("state", state.name());
    }
    if (scope != null) {
      query.setParameter("scope", scope.name());
    }
    if (solutionId != null) {
      query.setParameter("solution", solutionId);
    }
    if (after != null) {
      query
          .setParameter("at", Cursor.instant(after.get(0)))
          .setParameter("id", Cursor.uuid(after.get(1)));
    }
    return Page.of(
        query.setMaxResults(size + 1).getResultList(),
        size,
        n -> Cursor.encode(n.createdAt().toString(), n.id().toString()));
  }

  /**
   * Delivery counts of a notification, in total and per channel, from its tally (kept as the
   * deliveries change state), never from counting its deliveries.
   */
  public Counters counters(Notification notification) {
    return counters(List.of(notification)).get(notification.id());
  }

  /**
   * The delivery counters of several notifications (a page of the list) in one query, by
   * notification id.
   */
  public Map<UUID, Counters> counters(List<Notification> notifications) {
    var byId = new LinkedHashMap<UUID, Notification>();
    notifications.forEach(n -> byId.put(n.id(), n));
    var channels = new HashMap<UUID, Map<String, Counters.ChannelCounters>>();
    if (!byId.isEmpty()) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT notification_id, channel, delivered, failed, pending FROM delivery_tally"
                      + " WHERE notification_id IN (?1) ORDER BY notification_id, channel")
              .setParameter(1, List.copyOf(byId.keySet()))
              .getResultList();
      for (var row : rows) {
        channels
            .computeIfAbsent(Columns.uuid(row[0]), id -> new LinkedHashMap<>())
            .put(
                (String) row[1],
                new Counters.ChannelCounters(
                    ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue(),
                    ((Number) row[4]).longValue()));
      }
    }
    var result = new LinkedHashMap<UUID, Counters>();
    byId.forEach(
        (id, n) -> {
          var own = channels.getOrDefault(id, Map.of());
          long delivered = 0;
          long failed = 0;
          long pending = 0;
          for (var counts : own.values()) {
            delivered += counts.delivered();
            failed += counts.failed();
            pending += counts.pending();
          }
          result.put(
              id,
              new Counters(
                  n.recipientCount(), delivered, failed, pending, new LinkedHashMap<>(own)));
        });
    return result;
  }

  /** The deliveries of a notification in the order they were created. */
  public Page<DeliveryView> deliveries(
      String organizationId, UUID id, String limit, String cursor) {
    get(organizationId, id);
    var size = Page.limit(limit);
    var after = Cursor.decode(cursor, 1);
    var afterId = after == null ? 0 : Cursor.number(after.get(0));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT d.id, d.member_id, m.email, d.channel, d.platform, d.device_id, d.state,"
                    + " d.attempts, d.last_error, d.provider_message_id, d.updated_at FROM delivery d"
                    + " LEFT JOIN member m ON m.id = d.member_id WHERE d.notification_id = ?1"
                    + " AND d.id > ?2 ORDER BY d.id")
            .setParameter(1, id)
            .setParameter(2, afterId)
            .setMaxResults(size + 1)
            .getResultList();
    var views = new ArrayList<DeliveryView>();
    for (var r : rows) {
      views.add(
          new DeliveryView(
              ((Number) r[0]).longValue(),
              Columns.uuid(r[1]),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              Columns.uuid(r[5]),
              (String) r[6],
              ((Number) r[7]).intValue(),
              (String) r[8],
              (String) r[9],
              Columns.instant(r[10])));
    }
    return Page.of(views, size, v -> Cursor.encode(Long.toString(v.id())));
  }

  /**
   * Cancels a notification that has not been dispatched yet.
   *
   * @param sender who cancels it, recorded as its {@code updatedBy}
   */
  public Notification cancel(String organizationId, UUID id, String sender) {
    senderProblem(sender).ifPresent(p -> InvalidRequestException.throwIfAny(List.of(p)));
    var notification = get(organizationId, id);
    var changed =
        em.createNativeQuery(
                "UPDATE notification SET state = 'CANCELLED', updated_at = ?1, updated_by = ?2"
                    + " WHERE id = ?3 AND state IN ('SCHEDULED', 'QUEUED')")
            .setParameter(1, Timestamps.now())
            .setParameter(2, sender)
            .setParameter(3, id)
            .executeUpdate();
    if (changed == 0) {
      throw new ConflictException(
          "Only a SCHEDULED or QUEUED notification can be cancelled; this one is "
              + notification.state());
    }
    em.refresh(notification);
    cancelled.fire(new NotificationCancelled(id, organizationId, sender));
    return notification;
  }

  /** A sender is recorded as {@code createdBy} / {@code updatedBy}: 1 to 320 characters. */
  private static Optional<FieldError> senderProblem(String sender) {
    return sender == null || sender.isBlank() || sender.length() > MAX_SENDER
        ? Optional.of(new FieldError("sender", "is required: 1 to " + MAX_SENDER + " characters"))
        : Optional.empty();
  }
}
