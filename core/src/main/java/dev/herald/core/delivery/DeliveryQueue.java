package dev.herald.core.delivery;

import dev.herald.core.notification.Channels;
import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The pending deliveries of one database. {@link #claim} leases a batch to one node, which {@link
 * #renew}s the lease for as long as the provider is still working on the batch: the lease is the
 * delivery's {@code due_at} moved into the future, so work of a node that dies becomes due again by
 * itself when the lease runs out. {@link #record} stores the outcomes of a batch in one statement
 * (batched on H2), and only for deliveries the node still holds.
 */
public final class DeliveryQueue {

  /**
   * "Still pending" for statements that find deliveries by id, written so that PostgreSQL cannot
   * answer it from the partial index of pending deliveries ({@code WHERE state = 'PENDING'}): in
   * one benchmark run the planner took that index for the outcome UPDATE by id and scanned all of
   * it for every row (5.4 ms and 192 buffers per delivery instead of 0.07 ms and 18).
   */
  private static final String STILL_PENDING = "state NOT IN ('DELIVERED', 'FAILED')";

  private final Transactor transactor;
  private final Clock clock;
  private final String node;
  private final Duration lease;
  private final RetryPolicy retry;
  private final Completion completion;
  private final DeliveryMetrics metrics;

  public DeliveryQueue(
      Transactor transactor, Clock clock, String node, Duration lease, RetryPolicy retry) {
    this(transactor, clock, node, lease, retry, DeliveryMetrics.NONE);
  }

  /**
   * @param metrics where each recorded outcome is counted once its transaction has committed
   */
  public DeliveryQueue(
      Transactor transactor,
      Clock clock,
      String node,
      Duration lease,
      RetryPolicy retry,
      DeliveryMetrics metrics) {
    this.metrics = metrics;
    this.transactor = transactor;
    this.clock = clock;
    this.node = node;
    this.lease = lease;
    this.retry = retry;
    this.completion = new Completion(transactor, clock);
  }

  /**
   * Leases up to {@code max} due deliveries of a provider channel to this node. The push channels
   * {@code ios} and {@code android} select push deliveries by device platform.
   */
  public ClaimedBatch claim(String channel, int max) {
    return claim(channel, max, false);
  }

  /**
   * Like {@link #claim(String, int)}, but with {@code smallOnly} only deliveries of notifications
   * whose whole audience was one chunk of the fan-out: a lane that a broadcast never fills.
   */
  public ClaimedBatch claim(String channel, int max, boolean smallOnly) {
    var push = Channels.PUSH_ROUTES.contains(channel);
    return transactor.inTransaction(
        c -> {
          var now = Sql.now(clock);
          var ids = new ArrayList<Long>();
          try (var select =
                  Sql.prepare(
                      c,
                      "SELECT id FROM delivery WHERE state = 'PENDING' AND "
                          + (push
                              ? "channel = 'push' AND platform = ?"
                              : "channel = ? AND platform IS NULL")
                          + (smallOnly ? " AND priority = 0" : "")
                          + " AND due_at <= ? ORDER BY priority, due_at FETCH FIRST "
                          + max
                          + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                      channel,
                      now);
              var rs = select.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
            }
          }
          if (ids.isEmpty()) {
            return new ClaimedBatch(List.of());
          }
          Sql.update(
              c,
              "UPDATE delivery SET due_at = ?, lease_owner = ?, attempts = attempts + 1,"
                  + " updated_at = ? WHERE id = ANY (?)",
              now.plus(this.lease),
              node,
              now,
              ids(c, ids));
          return load(c, ids, now);
        });
  }

  /**
   * Extends this node's lease on a batch it is still sending, so that no other node claims and
   * sends it again while this node is alive and waiting for the provider. Returns how many
   * deliveries are still held.
   */
  public int renew(ClaimedBatch batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    return transactor.inTransaction(
        c -> {
          var now = Sql.now(clock);
          return Sql.update(
              c,
              "UPDATE delivery SET due_at = ? WHERE id = ANY (?) AND lease_owner = ? AND "
                  + STILL_PENDING,
              now.plus(lease),
              ids(c, batch.deliveries().stream().map(Delivery::id).toList()),
              node);
        });
  }

  /** Delivery ids as one SQL array parameter: one statement for a whole batch. */
  private static java.sql.Array ids(Connection c, List<Long> ids) throws SQLException {
    return c.createArrayOf("BIGINT", ids.toArray());
  }

  private static ClaimedBatch load(Connection c, List<Long> ids, Instant now) throws SQLException {
    var batch = new ArrayList<ClaimedBatch.Leased>(ids.size());
    try (var select =
            Sql.prepare(
                c,
                "SELECT d.id, d.attempts, d.notification_id, d.channel, d.platform, d.address,"
                    + " n.title, n.body,"
                    + " n.jig_id, n.screen, n.inputs, n.sound, n.badge, n.ttl_seconds,"
                    + " n.dispatched_at, n.created_at,"
                    // one primary-key look-up per row: as a join, PostgreSQL hashed the whole
                    // member table for every batch (per 1,000 at 100,000 members: 60 ms, this
                    // way 10, without the e-mail 5)
                    + " (SELECT m.email FROM member m WHERE m.id = d.member_id) AS email"
                    + " FROM delivery d JOIN notification n ON n.id = d.notification_id"
                    + " WHERE d.id = ANY (?) ORDER BY d.id",
                ids(c, ids));
        var rs = select.executeQuery()) {
      while (rs.next()) {
        var ttl = Sql.integer(rs, "ttl_seconds");
        var dispatchedAt = Sql.instant(rs, "dispatched_at");
        var delivery =
            new Delivery(
                rs.getLong("id"),
                Sql.uuid(rs, "notification_id").toString(),
                rs.getString("channel"),
                rs.getString("platform"),
                rs.getString("address"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("jig_id"),
                rs.getString("screen"),
                rs.getString("inputs"),
                rs.getBoolean("sound"),
                Sql.integer(rs, "badge"),
                ttl == null || dispatchedAt == null ? null : dispatchedAt.plusSeconds(ttl),
                "high",
                rs.getString("email"));
        batch.add(
            new ClaimedBatch.Leased(
                delivery,
                rs.getInt("attempts"),
                dispatchedAt == null ? now : dispatchedAt,
                Sql.instant(rs, "created_at")));
      }
    }
    return new ClaimedBatch(batch);
  }

  /**
   * Records one result per delivery of a batch this node claimed, and returns the ids of the
   * notifications the batch belonged to. The outcomes are counted in the metrics once recorded:
   * only those of deliveries this node still held.
   */
  public List<String> record(ClaimedBatch claimed, List<DeliveryResult> results) {
    var batch = claimed.leased();
    if (results.size() != batch.size()) {
      throw new IllegalArgumentException(
          "A provider returned " + results.size() + " results for " + batch.size() + " deliveries");
    }
    var counted = new ArrayList<Runnable>(batch.size());
    var notifications =
        transactor.inTransaction(
            c -> {
              counted.clear(); // a transactor may run the work again
              var now = Sql.now(clock);
              var outcomes = new ArrayList<Outcome>(batch.size());
              for (int i = 0; i < batch.size(); i++) {
                outcomes.add(outcome(results.get(i), batch.get(i), now));
              }
              var held =
                  isPostgres(c)
                      ? updateAtOnce(c, batch, outcomes, now)
                      : updateEach(c, batch, outcomes, now);
              deactivate(c, batch, results, now);
              tally(c, batch, outcomes, held);
              count(batch, results, outcomes, held, counted);
              return batch.stream().map(l -> l.delivery().notificationId()).distinct().toList();
            });
    counted.forEach(Runnable::run);
    return notifications;
  }

  /** What the metrics will count once the outcomes are committed: those this node still held. */
  private void count(
      List<ClaimedBatch.Leased> batch,
      List<DeliveryResult> results,
      List<Outcome> outcomes,
      boolean[] held,
      List<Runnable> counted) {
    for (int i = 0; i < batch.size(); i++) {
      if (!held[i]) {
        continue;
      }
      var leased = batch.get(i);
      var delivery = leased.delivery();
      var channel = delivery.platform() != null ? delivery.platform() : delivery.channel();
      var outcome =
          switch (outcomes.get(i).state()) {
            case "DELIVERED" -> DeliveryMetrics.Outcome.DELIVERED;
            case "PENDING" -> DeliveryMetrics.Outcome.RETRIED;
            default ->
                results.get(i) instanceof DeliveryResult.InvalidRecipient
                    ? DeliveryMetrics.Outcome.INVALID_RECIPIENT
                    : DeliveryMetrics.Outcome.FAILED;
          };
      counted.add(() -> metrics.settled(channel, outcome, leased.createdAt(), clock.instant()));
    }
  }

  private static boolean isPostgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
  }

  /**
   * The outcomes of a batch in one statement, joined to the batch by id, returning the ids this
   * node still held: at a million deliveries, one statement per batch instead of one per delivery
   * took a fifth off the statement's time (BENCHMARKS step 13). H2 has no UPDATE … FROM.
   */
  private boolean[] updateAtOnce(
      Connection c, List<ClaimedBatch.Leased> batch, List<Outcome> outcomes, Instant now)
      throws SQLException {
    var size = batch.size();
    var ids = new Long[size];
    var states = new String[size];
    var dueAts = new String[size];
    var errors = new String[size];
    var messageIds = new String[size];
    var positions = new java.util.HashMap<Long, Integer>(size * 2);
    for (int i = 0; i < size; i++) {
      var outcome = outcomes.get(i);
      ids[i] = batch.get(i).delivery().id();
      states[i] = outcome.state();
      dueAts[i] = outcome.dueAt().toString();
      errors[i] = truncate(outcome.error());
      messageIds[i] = outcome.providerMessageId();
      positions.put(ids[i], i);
    }
    var held = new boolean[size];
    try (var update =
            Sql.prepare(
                c,
                "UPDATE delivery d SET state = v.state, due_at = CAST(v.due_at AS TIMESTAMPTZ),"
                    + " last_error = COALESCE(v.error, d.last_error),"
                    + " provider_message_id = COALESCE(v.message_id, d.provider_message_id),"
                    + " lease_owner = NULL, updated_at = ?"
                    + " FROM UNNEST(?, ?, ?, ?, ?) AS v (id, state, due_at, error, message_id)"
                    + " WHERE d.id = v.id AND d.lease_owner = ? AND d."
                    + STILL_PENDING
                    + " RETURNING d.id",
                now,
                c.createArrayOf("BIGINT", ids),
                c.createArrayOf("VARCHAR", states),
                c.createArrayOf("VARCHAR", dueAts),
                c.createArrayOf("VARCHAR", errors),
                c.createArrayOf("VARCHAR", messageIds),
                node);
        var rs = update.executeQuery()) {
      while (rs.next()) {
        held[positions.get(rs.getLong(1))] = true;
      }
    }
    return held;
  }

  /** The outcomes of a batch as one batched UPDATE per delivery (H2). */
  private boolean[] updateEach(
      Connection c, List<ClaimedBatch.Leased> batch, List<Outcome> outcomes, Instant now)
      throws SQLException {
    try (var update =
        c.prepareStatement(
            "UPDATE delivery SET state = ?, due_at = ?, last_error = COALESCE(?, last_error),"
                + " provider_message_id = COALESCE(?, provider_message_id),"
                + " lease_owner = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND "
                + STILL_PENDING)) {
      for (int i = 0; i < batch.size(); i++) {
        var outcome = outcomes.get(i);
        Sql.bind(
            update,
            outcome.state(),
            outcome.dueAt(),
            truncate(outcome.error()),
            outcome.providerMessageId(),
            now,
            batch.get(i).delivery().id(),
            node);
        update.addBatch();
      }
      var counts = update.executeBatch();
      var held = new boolean[counts.length];
      for (int i = 0; i < counts.length; i++) {
        held[i] = counts[i] == 1;
      }
      return held;
    }
  }

  /** Devices the provider called invalid stop receiving pushes, unless registered again since. */
  private static void deactivate(
      Connection c, List<ClaimedBatch.Leased> batch, List<DeliveryResult> results, Instant now)
      throws SQLException {
    try (var deactivate =
        c.prepareStatement(
            "UPDATE device SET active = FALSE, deactivated_at = ? WHERE id ="
                + " (SELECT device_id FROM delivery WHERE id = ?) AND registered_at <= ?")) {
      var deactivations = 0;
      for (int i = 0; i < batch.size(); i++) {
        if (results.get(i) instanceof DeliveryResult.InvalidRecipient invalid) {
          var since = invalid.invalidSince() == null ? now : invalid.invalidSince();
          Sql.bind(deactivate, now, batch.get(i).delivery().id(), since);
          deactivate.addBatch();
          deactivations++;
        }
      }
      if (deactivations > 0) {
        deactivate.executeBatch();
      }
    }
  }

  /**
   * Counts the deliveries that left PENDING in the notifications' tallies: only those this node
   * still held (an update count of 1), each notification's rows in id order.
   */
  private static void tally(
      Connection c, List<ClaimedBatch.Leased> batch, List<Outcome> outcomes, boolean[] held)
      throws SQLException {
    var tallies = new TreeMap<String, Tally>();
    for (int i = 0; i < batch.size(); i++) {
      var state = outcomes.get(i).state();
      if (state.equals("PENDING") || !held[i]) {
        continue;
      }
      var delivery = batch.get(i).delivery();
      tallies
          .computeIfAbsent(
              delivery.notificationId(), id -> new Tally(java.util.UUID.fromString(id)))
          .settled(delivery.channel(), state);
    }
    for (var tally : tallies.values()) {
      tally.save(c);
    }
  }

  private record Outcome(String state, Instant dueAt, String error, String providerMessageId) {}

  private Outcome outcome(DeliveryResult result, ClaimedBatch.Leased leased, Instant now) {
    if (result instanceof DeliveryResult.Delivered d) {
      return new Outcome("DELIVERED", now, null, d.providerMessageId());
    }
    if (result instanceof DeliveryResult.RetryLater r) {
      var next =
          retry.nextAttempt(
              now,
              leased.attempt(),
              r.retryAfter(),
              leased.firstDueAt(),
              leased.delivery().expiresAt());
      return next != null
          ? new Outcome("PENDING", next, r.reason(), null)
          : new Outcome(
              "FAILED",
              now,
              "Gave up after " + leased.attempt() + " attempts: " + r.reason(),
              null);
    }
    if (result instanceof DeliveryResult.InvalidRecipient r) {
      return new Outcome("FAILED", now, "Invalid recipient: " + r.reason(), null);
    }
    if (result instanceof DeliveryResult.Rejected r) {
      return new Outcome("FAILED", now, "Rejected: " + r.reason(), null);
    }
    throw new IllegalArgumentException("A provider returned no result");
  }

  static String truncate(String error) {
    return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
  }

  /** Completes those of the notifications that have nothing pending any more. */
  public int complete(List<String> notificationIds) {
    return completion.complete(notificationIds.stream().map(java.util.UUID::fromString).toList());
  }

  /** Completes every notification that has nothing pending; a safety net run now and then. */
  public int completeAll() {
    return completion.completeAll();
  }
}
