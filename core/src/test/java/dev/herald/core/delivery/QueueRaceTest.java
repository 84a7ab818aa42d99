package dev.herald.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.spi.DeliveryResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' dispatchers and workers racing on one database: every delivery is made once. This runs
 * the queue's SQL on plain JDBC transactions; that the container's transactor gives the same
 * guarantees is proven on the real WAR by {@code JtaTransactorIT} and the two-node tests in {@code
 * it}.
 */
class QueueRaceTest {

  private static final int MEMBERS = 2_000;

  /** Every other member's device is an iPhone, the others Android. */
  private static final int IOS = MEMBERS / 2;

  /** 100,000 deliveries on PostgreSQL, the database two nodes share; 10,000 on H2. */
  private static final int NOTIFICATIONS = TestDatabase.postgres() ? 50 : 5;

  private static final RetryPolicy RETRY =
      new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMinutes(5));
  private static final Duration LEASE = Duration.ofMinutes(1);

  /** Smaller than the organization, so that both nodes write chunks of one fan-out. */
  private static final int CHUNK = 300;

  private DataSource db;
  private Transactor tx;

  @BeforeEach
  void setUp() throws SQLException {
    db = TestDatabase.create();
    tx = TestDatabase.transactor(db);
    tx.inTransaction(
        c -> {
          Sql.update(
              c,
              "INSERT INTO organization (id, name, company_id, created_at) VALUES ('race', 'Race', 1, ?)",
              Instant.now());
          try (var member =
                  c.prepareStatement(
                      "INSERT INTO member (id, organization_id, email, email_key, created_at)"
                          + " VALUES (?, 'race', ?, ?, ?)");
              var device =
                  c.prepareStatement(
                      "INSERT INTO device (id, organization_id, member_id, platform, token, active,"
                          + " registered_at) VALUES (?, 'race', ?, ?, ?, TRUE, ?)")) {
            for (int i = 0; i < MEMBERS; i++) {
              var id = UUID.randomUUID();
              Sql.bind(member, id, "m" + i + "@race", "m" + i + "@race", Instant.now());
              member.addBatch();
              Sql.bind(
                  device,
                  UUID.randomUUID(),
                  id,
                  i % 2 == 0 ? "ios" : "android",
                  "token-" + i,
                  Instant.now());
              device.addBatch();
            }
            member.executeBatch();
            device.executeBatch();
          }
          return null;
        });
  }

  @Test
  void twoNodesDeliverEachDeliveryExactlyOnce() throws Exception {
    var notifications = new ArrayList<UUID>();
    for (int i = 0; i < NOTIFICATIONS; i++) {
      notifications.add(insertNotification("ORG", Instant.now().minusSeconds(1)));
    }
    var sent = new ConcurrentHashMap<Long, AtomicInteger>();
    var failure = new AtomicReference<Throwable>();
    var pool = Executors.newFixedThreadPool(2);
    for (var node : List.of("node-a", "node-b")) {
      pool.submit(
          () -> {
            try {
              var dispatcher = new Dispatcher(tx, Clock.systemUTC(), LEASE, 3, CHUNK);
              var queue =
                  new DeliveryQueue(tx, Clock.systemUTC(), node, Duration.ofMinutes(1), RETRY);
              var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
              var round = 0;
              while (System.nanoTime() < deadline && !allFinished(notifications)) {
                dispatcher.dispatchDue(2);
                // The claims production makes: per platform, as the ios and android providers do.
                var batch = queue.claim(round++ % 2 == 0 ? "ios" : "android", 500);
                batch
                    .deliveries()
                    .forEach(
                        d ->
                            sent.computeIfAbsent(d.id(), id -> new AtomicInteger())
                                .incrementAndGet());
                queue.complete(queue.record(batch, delivered(batch)));
              }
            } catch (Throwable e) {
              failure.set(e);
            }
          });
    }
    // The safety net a node runs every few seconds, here all the time: it completes the same
    // notifications as the workers and must never deadlock with them.
    var safetyNet = Executors.newSingleThreadExecutor();
    safetyNet.submit(
        () -> {
          try {
            var queue =
                new DeliveryQueue(tx, Clock.systemUTC(), "node-c", Duration.ofMinutes(1), RETRY);
            while (!pool.isTerminated()) {
              queue.completeAll();
              Thread.sleep(5);
            }
          } catch (Throwable e) {
            failure.set(e);
          }
        });
    pool.shutdown();
    assertThat(pool.awaitTermination(270, TimeUnit.SECONDS)).isTrue();
    safetyNet.shutdown();
    assertThat(safetyNet.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(failure.get()).isNull();

    assertThat(sent).hasSize(MEMBERS * NOTIFICATIONS);
    assertThat(sent.values()).allMatch(count -> count.get() == 1);
    assertThat(count("SELECT COUNT(*) FROM inbox_item")).isEqualTo(MEMBERS * NOTIFICATIONS);
    assertThat(
            count("SELECT COUNT(*) FROM delivery WHERE channel = 'push' AND state = 'DELIVERED'"))
        .isEqualTo(MEMBERS * NOTIFICATIONS);
    assertThat(count("SELECT COUNT(*) FROM notification WHERE state = 'COMPLETED'"))
        .isEqualTo(NOTIFICATIONS);
    // The tallies the API and completion read agree with the deliveries themselves.
    assertThat(count("SELECT SUM(delivered) FROM delivery_tally WHERE channel = 'push'"))
        .isEqualTo(MEMBERS * NOTIFICATIONS);
    assertThat(count("SELECT SUM(pending) + SUM(failed) FROM delivery_tally")).isZero();
    assertThat(count("SELECT SUM(recipient_count) FROM notification"))
        .isEqualTo(MEMBERS * NOTIFICATIONS);
  }

  @Test
  void anExpiredLeaseMakesACrashedNodesWorkClaimableAgain() throws Exception {
    var notification = insertNotification("ORG", Instant.now().minusSeconds(1));
    var clock = new MutableClock(Instant.now());
    fanOut(clock);
    var crashed = new DeliveryQueue(tx, clock, "crashed", Duration.ofSeconds(30), RETRY);
    var survivor = new DeliveryQueue(tx, clock, "survivor", Duration.ofSeconds(30), RETRY);

    var lost = crashed.claim("ios", IOS);
    assertThat(lost.size()).isEqualTo(IOS);
    assertThat(survivor.claim("ios", IOS).isEmpty()).as("leased work is not claimable").isTrue();

    clock.advance(Duration.ofSeconds(31));
    var retaken = survivor.claim("ios", IOS);
    assertThat(retaken.deliveries())
        .extracting(d -> d.id())
        .containsExactlyInAnyOrderElementsOf(lost.deliveries().stream().map(d -> d.id()).toList());

    // The crashed node comes back and reports late: its outcome must not overwrite the survivor's
    // lease.
    crashed.record(
        lost,
        lost.deliveries().stream()
            .<DeliveryResult>map(d -> new DeliveryResult.Rejected("late"))
            .toList());
    assertThat(count("SELECT COUNT(*) FROM delivery WHERE state = 'FAILED'")).isZero();

    survivor.complete(survivor.record(retaken, delivered(retaken)));
    deliverAll(survivor, "android");
    assertThat(state(notification)).isEqualTo("COMPLETED");
    // the late outcomes were counted nowhere: the tally is the deliveries' states
    assertThat(count("SELECT SUM(delivered) FROM delivery_tally"))
        .isEqualTo(count("SELECT COUNT(*) FROM delivery WHERE state = 'DELIVERED'"));
    assertThat(count("SELECT SUM(failed) + SUM(pending) FROM delivery_tally")).isZero();
  }

  @Test
  void aBatchStillBeingSentKeepsItsLeaseWhileItsNodeRenewsIt() {
    insertNotification("ORG", Instant.now().minusSeconds(1));
    var clock = new MutableClock(Instant.now());
    fanOut(clock);
    var slow = new DeliveryQueue(tx, clock, "slow", Duration.ofSeconds(30), RETRY);
    var other = new DeliveryQueue(tx, clock, "other", Duration.ofSeconds(30), RETRY);

    var batch = slow.claim("ios", IOS);
    clock.advance(Duration.ofSeconds(20));
    assertThat(slow.renew(batch)).isEqualTo(IOS);
    clock.advance(Duration.ofSeconds(20));
    assertThat(other.claim("ios", IOS).isEmpty())
        .as("40 s after the claim, but renewed 20 s ago")
        .isTrue();

    clock.advance(Duration.ofSeconds(11));
    assertThat(other.claim("ios", IOS).size()).as("not renewed for 31 s").isEqualTo(IOS);
    assertThat(slow.renew(batch)).as("the lease is gone to the other node").isZero();
  }

  @Test
  void retriesWithinTheBudgetThenFailsAndAnInvalidRecipientDeactivatesTheDevice() throws Exception {
    var notification = insertNotification("ORG", Instant.now().minusSeconds(1));
    var clock = new MutableClock(Instant.now());
    fanOut(clock);
    var queue =
        new DeliveryQueue(
            tx,
            clock,
            "n",
            Duration.ofSeconds(30),
            new RetryPolicy(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10)));

    var batch = queue.claim("ios", IOS);
    var results = new ArrayList<DeliveryResult>();
    for (int i = 0; i < batch.size(); i++) {
      results.add(
          i == 0
              ? new DeliveryResult.InvalidRecipient(null, "Unregistered")
              : new DeliveryResult.RetryLater(null, "busy"));
    }
    queue.complete(queue.record(batch, results));
    assertThat(count("SELECT COUNT(*) FROM device WHERE active = FALSE")).isEqualTo(1);
    assertThat(state(notification)).isEqualTo("PROCESSING");

    var second = queue.claim("ios", IOS);
    assertThat(second.size()).as("retried within the budget").isEqualTo(IOS - 1);
    queue.complete(
        queue.record(
            second,
            second.deliveries().stream()
                .<DeliveryResult>map(d -> new DeliveryResult.RetryLater(null, "busy again"))
                .toList()));
    assertThat(count("SELECT COUNT(*) FROM delivery WHERE state = 'FAILED'")).isEqualTo(1);

    clock.advance(Duration.ofSeconds(11));
    var third = queue.claim("ios", IOS);
    assertThat(third.size()).isEqualTo(IOS - 1);
    queue.complete(
        queue.record(
            third,
            third.deliveries().stream()
                .<DeliveryResult>map(d -> new DeliveryResult.RetryLater(null, "still busy"))
                .toList()));
    assertThat(
            count(
                "SELECT COUNT(*) FROM delivery WHERE state = 'FAILED'"
                    + " AND last_error = 'Gave up after 3 attempts: still busy'"))
        .isEqualTo(IOS - 1);
    deliverAll(queue, "android");
    assertThat(state(notification))
        .as("the in-app and Android deliveries succeeded, every iOS push failed")
        .isEqualTo("PARTIALLY_FAILED");

    var later = insertNotification("ORG", clock.instant().minusSeconds(1));
    fanOut(clock);
    assertThat(
            count(
                "SELECT COUNT(*) FROM delivery WHERE channel = 'push' AND notification_id = '"
                    + later
                    + "'"))
        .as("the deactivated device is skipped")
        .isEqualTo(MEMBERS - 1);
  }

  private UUID insertNotification(String scope, Instant startAt) {
    var id = UUID.randomUUID();
    tx.inTransaction(
        c ->
            Sql.update(
                c,
                "INSERT INTO notification (id, organization_id, scope, state, title, body, screen, inputs,"
                    + " channels, sound, start_at, created_at, created_by, updated_at, updated_by)"
                    + " VALUES (?, 'race', ?, 'QUEUED', 't', 'x', 'jig', '{}', 'push,inapp', FALSE, ?, ?, 'test', ?, 'test')",
                id,
                scope,
                startAt,
                startAt,
                startAt));
    return id;
  }

  private boolean allFinished(List<UUID> ids) {
    return count("SELECT COUNT(*) FROM notification WHERE state = 'COMPLETED'") == ids.size();
  }

  private String state(UUID notification) {
    return tx.inTransaction(
        c -> query(c, "SELECT state FROM notification WHERE id = ?", notification));
  }

  @Test
  void aSmallNotificationGoesFirstAndHasALaneOfItsOwnThenANewBroadcastsFirstChunk() {
    var clock = new MutableClock(Instant.now());
    var broadcast = insertNotification("ORG", clock.instant().minusSeconds(10));
    fanOut(clock);
    var queue = new DeliveryQueue(tx, clock, "n", LEASE, RETRY);
    assertThat(countOf(broadcast, 1))
        .as("the broadcast's first chunk goes before its later chunks")
        .isPositive()
        .isLessThan(IOS);
    assertThat(countOf(broadcast, 0)).isZero();
    assertThat(queue.claim("ios", 10, true).isEmpty())
        .as("the lane carries none of a broadcast, not even its first chunk")
        .isTrue();
    var firstChunk = (int) countOf(broadcast, 1);
    assertThat(queue.claim("ios", firstChunk).deliveries())
        .as("claimed before the broadcast's later chunks")
        .hasSize(firstChunk);

    clock.advance(Duration.ofSeconds(1));
    var second = insertNotification("ORG", clock.instant().minusMillis(800));
    var single = insertNotification("USR", clock.instant().minusMillis(500));
    tx.inTransaction(
        c ->
            Sql.update(
                c,
                "INSERT INTO notification_recipient (notification_id, member_id) SELECT ?,"
                    + " member_id FROM device WHERE platform = 'ios' AND token = 'token-0'",
                single));
    new Dispatcher(tx, clock, LEASE, 3, CHUNK).dispatchDue(2);
    assertThat(countOf(single, 0)).isEqualTo(1);

    assertThat(queue.claim("ios", 10, true).deliveries())
        .as("the lane takes the notification to one member")
        .singleElement()
        .matches(d -> d.notificationId().equals(single.toString()));
    var next = queue.claim("ios", 10);
    assertThat(next.deliveries())
        .as(
            "the first broadcast's backlog is older, yet the new broadcast's first chunk goes first")
        .hasSize(10)
        .allMatch(d -> d.notificationId().equals(second.toString()));
  }

  /** How many iOS deliveries the notification has with that claim priority. */
  private long countOf(UUID notification, int priority) {
    return count(
        "SELECT COUNT(*) FROM delivery WHERE platform = 'ios' AND priority = "
            + priority
            + " AND notification_id = '"
            + notification
            + "'");
  }

  private static void deliverAll(DeliveryQueue queue, String channel) {
    var batch = queue.claim(channel, MEMBERS);
    queue.complete(queue.record(batch, delivered(batch)));
  }

  /** The provider's answer when every delivery of the batch went out. */
  private static List<DeliveryResult> delivered(ClaimedBatch batch) {
    return batch.deliveries().stream()
        .<DeliveryResult>map(d -> new DeliveryResult.Delivered("m-" + d.id()))
        .toList();
  }

  /** Fans the due notifications out whole, chunk by chunk. */
  private void fanOut(Clock clock) {
    var dispatcher = new Dispatcher(tx, clock, LEASE, 3, CHUNK);
    do {
      dispatcher.dispatchDue(1);
    } while (dispatcher.holding());
  }

  private long count(String sql) {
    return tx.inTransaction(c -> Long.parseLong(query(c, sql)));
  }

  private static String query(Connection c, String sql, Object... params) throws SQLException {
    try (var s = Sql.prepare(c, sql, params);
        var rs = s.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
