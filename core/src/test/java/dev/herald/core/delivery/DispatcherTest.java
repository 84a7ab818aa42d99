package dev.herald.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dispatching: set-aside of a notification that keeps failing, resumption, fairness. */
class DispatcherTest {

  private static final int MEMBERS = 20;
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final int CHUNK = 1_000;

  private Transactor tx;
  private MutableClock clock;

  @BeforeEach
  void setUp() throws SQLException {
    tx = TestDatabase.transactor(TestDatabase.create());
    clock = new MutableClock(Instant.now());
    for (var org : new String[] {"a", "b"}) {
      tx.inTransaction(
          c -> {
            Sql.update(
                c,
                "INSERT INTO organization (id, name, company_id, created_at) VALUES (?, ?, ?, ?)",
                org,
                org,
                org.equals("a") ? 1 : 2,
                clock.instant());
            for (int i = 0; i < MEMBERS; i++) {
              Sql.update(
                  c,
                  "INSERT INTO member (id, organization_id, email, email_key, created_at)"
                      + " VALUES (?, ?, ?, ?, ?)",
                  UUID.randomUUID(),
                  org,
                  "m" + i + "@" + org,
                  "m" + i + "@" + org,
                  clock.instant());
            }
            return null;
          });
    }
  }

  @Test
  void aNotificationThatKeepsFailingIsSetAsideWithItsErrorAndTheOthersFlowPastIt() {
    var poison = insert("a", "NOPE", clock.instant().minusSeconds(60));
    var good = insert("a", "ORG", clock.instant().minusSeconds(1));
    var dispatcher = new Dispatcher(tx, clock, LEASE, 3, CHUNK);

    assertThat(dispatcher.dispatchDue(10)).containsExactly(good);
    for (int attempt = 2; attempt <= 3; attempt++) {
      assertThat(dispatcher.dispatchDue(10)).as("backing off").isEmpty();
      clock.advance(Dispatcher.backoff(attempt - 1).plusMillis(1));
      assertThat(dispatcher.dispatchDue(10)).isEmpty();
    }

    assertThat(text("SELECT state FROM notification WHERE id = ?", poison)).isEqualTo("FAILED");
    assertThat(text("SELECT last_error FROM notification WHERE id = ?", poison))
        .contains("Unknown scope NOPE");
    assertThat(text("SELECT dispatch_attempts FROM notification WHERE id = ?", poison))
        .isEqualTo("3");
    assertThat(text("SELECT state FROM notification WHERE id = ?", good)).isEqualTo("COMPLETED");
  }

  @Test
  void eachStateChangeIsOneInfoLineWithTheNotificationsIdAndCounts() {
    var lines = new ArrayList<String>();
    var handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel() == Level.INFO) {
              lines.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    var log = Logger.getLogger("dev.herald.notifications");
    log.addHandler(handler);
    try {
      var poison = insert("a", "NOPE", clock.instant().minusSeconds(60));
      var good = insert("a", "ORG", clock.instant().minusSeconds(1));
      var dispatcher = new Dispatcher(tx, clock, LEASE, 1, CHUNK);

      dispatcher.dispatchDue(10);

      assertThat(lines)
          .containsExactlyInAnyOrder(
              "Notification "
                  + good
                  + " PROCESSING: "
                  + MEMBERS
                  + " recipients, deliveries: inapp "
                  + MEMBERS,
              "Notification "
                  + good
                  + " COMPLETED: "
                  + MEMBERS
                  + " delivered, 0 failed (delivered/failed by channel: inapp "
                  + MEMBERS
                  + "/0)",
              "Notification "
                  + poison
                  + " FAILED: gave up after attempt 1: Dispatching failed: Unknown scope NOPE");
    } finally {
      log.removeHandler(handler);
    }
  }

  @Test
  void aNodeThatDiesAfterLeasingHasItsAttemptCountedAndAnotherNodeDispatchesAfterTheLease()
      throws SQLException {
    var notification = insert("a", "ORG", clock.instant().minusSeconds(1));
    var crashed = tx.inTransaction(c -> new DispatchClaims(clock, LEASE, 3).lease(c, 10));
    assertThat(crashed.due()).extracting(DueNotification::id).containsExactly(notification);

    var survivor = new Dispatcher(tx, clock, LEASE, 3, CHUNK);
    assertThat(survivor.dispatchDue(10)).as("leased elsewhere").isEmpty();
    clock.advance(LEASE.plusSeconds(1));
    assertThat(survivor.dispatchDue(10)).containsExactly(notification);
    assertThat(text("SELECT dispatch_attempts FROM notification WHERE id = ?", notification))
        .isEqualTo("2");
    assertThat(count("SELECT COUNT(*) FROM inbox_item")).isEqualTo(MEMBERS);
  }

  @Test
  void aFanOutLeftHalfWrittenIsCompletedNotRefusedByTheConstraints() {
    var notification = insert("a", "ORG", clock.instant().minusSeconds(1));
    tx.inTransaction(
        c ->
            Sql.update(
                c,
                "INSERT INTO inbox_item (organization_id, member_id, notification_id, created_at)"
                    + " SELECT 'a', id, ?, ? FROM member WHERE organization_id = 'a'"
                    + " AND email LIKE 'm1%'",
                notification,
                clock.instant()));

    assertThat(new Dispatcher(tx, clock, LEASE, 3, CHUNK).dispatchDue(10))
        .containsExactly(notification);
    assertThat(count("SELECT COUNT(*) FROM inbox_item")).isEqualTo(MEMBERS);
    assertThat(count("SELECT COUNT(*) FROM delivery WHERE channel = 'inapp'")).isEqualTo(MEMBERS);
  }

  @Test
  void theSchemaRefusesASecondDeliveryOfOneNotificationToOneTargetOnOneChannel() {
    var notification = insert("a", "ORG", clock.instant().minusSeconds(1));
    new Dispatcher(tx, clock, LEASE, 3, CHUNK).dispatchDue(10);
    var copy =
        "INSERT INTO delivery (notification_id, member_id, channel, target, address, state,"
            + " attempts, due_at, updated_at) SELECT notification_id, member_id, channel, target,"
            + " address, state, attempts, due_at, updated_at FROM delivery WHERE notification_id = ?";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tx.inTransaction(c -> Sql.update(c, copy, notification)))
        .hasRootCauseInstanceOf(SQLException.class);
  }

  @Test
  void oneOrganizationsBurstDoesNotHoldUpAnotherOrganizationsNotification() {
    for (int i = 0; i < 50; i++) {
      insert("a", "ORG", clock.instant().minusSeconds(100 - i));
    }
    var single = insert("b", "ORG", clock.instant().minusSeconds(1));

    assertThat(new Dispatcher(tx, clock, LEASE, 3, CHUNK).dispatchDue(10)).contains(single);
  }

  @Test
  void aBroadcastIsFannedOutInChunksAndANewNotificationGetsItsTurnFirstBetweenThem() {
    var broadcast = insert("a", "ORG", clock.instant().minusSeconds(1));
    var dispatcher = new Dispatcher(tx, clock, LEASE, 3, 7);

    assertThat(dispatcher.dispatchDue(10)).containsExactly(broadcast);
    assertThat(itemsOf(broadcast)).as("one chunk, committed").isEqualTo(7);
    assertThat(text("SELECT state FROM notification WHERE id = ?", broadcast))
        .isEqualTo("PROCESSING");
    assertThat(dispatcher.holding()).isTrue();

    var single = insert("b", "ORG", clock.instant().minusSeconds(1));
    assertThat(dispatcher.dispatchDue(10))
        .as("the new notification's first chunk before the broadcast's next")
        .containsExactly(single, broadcast);
    assertThat(itemsOf(single)).isEqualTo(7);
    assertThat(itemsOf(broadcast)).isEqualTo(14);

    while (dispatcher.holding()) {
      dispatcher.dispatchDue(10);
    }
    assertThat(itemsOf(broadcast)).isEqualTo(MEMBERS);
    assertThat(itemsOf(single)).isEqualTo(MEMBERS);
    assertThat(text("SELECT recipient_count FROM notification WHERE id = ?", broadcast))
        .isEqualTo(Integer.toString(MEMBERS));
    // In-app only: nothing pending once the last chunk is written.
    assertThat(text("SELECT state FROM notification WHERE id = ?", broadcast))
        .isEqualTo("COMPLETED");
  }

  @Test
  void aNewNotificationGetsItsFirstChunkWhileABroadcastsNextChunkIsStillBeingWritten()
      throws Exception {
    var inChunk = new CountDownLatch(1);
    var chunkMayEnd = new CountDownLatch(1);
    Transactor slowOnHeldThread =
        new Transactor() {
          @Override
          public <T> T inTransaction(Work<T> work) {
            return tx.inTransaction(
                c -> {
                  if (Thread.currentThread().getName().equals("held-broadcasts")) {
                    inChunk.countDown();
                    await(chunkMayEnd);
                  }
                  return work.apply(c);
                });
          }
        };
    var broadcast = insert("a", "ORG", clock.instant().minusSeconds(1));
    var dispatcher = new Dispatcher(slowOnHeldThread, clock, LEASE, 3, 7);
    assertThat(dispatcher.dispatchNew(10)).containsExactly(broadcast);
    assertThat(dispatcher.holding()).isTrue();

    var held = new Thread(() -> dispatcher.dispatchHeld(Set.of()), "held-broadcasts");
    held.start();
    try {
      assertThat(inChunk.await(10, TimeUnit.SECONDS)).as("the broadcast's next chunk").isTrue();
      var single = insert("b", "ORG", clock.instant().minusSeconds(1));
      assertThat(dispatcher.dispatchNew(10))
          .as("only the new notification, while the broadcast's chunk is under way")
          .containsExactly(single);
      assertThat(itemsOf(single)).isEqualTo(7);
      assertThat(itemsOf(broadcast)).isEqualTo(7);
    } finally {
      chunkMayEnd.countDown();
      held.join(10_000);
    }
    assertThat(itemsOf(broadcast)).as("the held thread's chunk").isEqualTo(14);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aNodeThatDiesMidFanOutLeavesTheRestToAnotherNodeFromItsCursor() {
    var broadcast = insert("a", "ORG", clock.instant().minusSeconds(1));
    new Dispatcher(tx, clock, LEASE, 3, 6).dispatchDue(10);
    assertThat(itemsOf(broadcast)).isEqualTo(6);

    var survivor = new Dispatcher(tx, clock, LEASE, 3, 6);
    assertThat(survivor.dispatchDue(10)).as("still leased to the dead node").isEmpty();
    clock.advance(LEASE.plusSeconds(1));
    while (survivor.dispatchDue(10).size() > 0) {
      clock.advance(Duration.ofMillis(1));
    }
    assertThat(itemsOf(broadcast)).isEqualTo(MEMBERS);
    assertThat(count("SELECT COUNT(*) FROM delivery WHERE channel = 'inapp'")).isEqualTo(MEMBERS);
    assertThat(text("SELECT state FROM notification WHERE id = ?", broadcast))
        .isEqualTo("COMPLETED");
  }

  @Test
  void aNodeThatStopsReleasesItsFanOutsToOtherNodesAtOnce() {
    var broadcast = insert("a", "ORG", clock.instant().minusSeconds(1));
    var stopping = new Dispatcher(tx, clock, LEASE, 3, 6);
    stopping.dispatchDue(10);
    stopping.release();

    new Dispatcher(tx, clock, LEASE, 3, 100).dispatchDue(10);
    assertThat(itemsOf(broadcast)).isEqualTo(MEMBERS);
  }

  private long itemsOf(UUID notification) {
    return tx.inTransaction(
        c -> {
          try (var select =
                  Sql.prepare(
                      c,
                      "SELECT COUNT(*) FROM inbox_item WHERE notification_id = ?",
                      notification);
              var rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private UUID insert(String organization, String scope, Instant startAt) {
    var id = UUID.randomUUID();
    tx.inTransaction(
        c ->
            Sql.update(
                c,
                "INSERT INTO notification (id, organization_id, scope, state, title, body, screen,"
                    + " inputs, channels, sound, start_at, created_at, created_by, updated_at,"
                    + " updated_by) VALUES (?, ?, ?, 'QUEUED', 't', 'x', 'jig', '{}', 'inapp',"
                    + " FALSE, ?, ?, 'test', ?, 'test')",
                id,
                organization,
                scope,
                startAt,
                startAt,
                startAt));
    return id;
  }

  private long count(String sql) {
    return Long.parseLong(text(sql));
  }

  private String text(String sql, Object... params) {
    return tx.inTransaction(
        c -> {
          try (var s = Sql.prepare(c, sql, params);
              var rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
          }
        });
  }
}
