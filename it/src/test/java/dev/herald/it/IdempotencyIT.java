package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on {@code POST …/notifications} (ADR 0012): a repeat gets the first
 * answer and sends nothing, another request under the key is refused, fifty at once send one
 * notification. Notifications are counted where they land: the member's inbox, and the list.
 */
class IdempotencyIT extends HeraldIT {

  private Organization org;
  private Api sender;
  private Api annInbox;

  @BeforeEach
  void setUp() {
    org = Organization.create(systemAdmin(), "idem");
    var ann = org.member("ann@example.com");
    sender = org.token(org.member("sender@example.com"), "SENDER");
    annInbox = org.token(ann, "MEMBER");
  }

  @Test
  void aRepeatGetsTheFirstAnswerMarkedAsAReplayAndSendsNothingNew() {
    var key = newKey();
    var first = post(key, body("Once"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.header(REPLAYED)).isNull();
    awaitInbox("Once", 1);

    // the same request, written differently: same fields, other spacing and order
    var again =
        post(
            key,
            "{ \"scope\": \"USR\", \"emails\": [\"ann@example.com\"],"
                + " \"content\": {\"text\": \"World\", \"title\": \"Once\"} }");
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.header(REPLAYED)).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));

    assertThat(sent("Once")).isEqualTo(1);
    assertThat(inbox("Once")).isEqualTo(1);
  }

  @Test
  void theKeyWithAnotherRequestIsRefusedWith422AndSendsNothing() {
    var key = newKey();
    assertThat(post(key, body("First")).status()).isEqualTo(201);

    var other = post(key, body("Second"));
    assertThat(other.status()).as(other.toString()).isEqualTo(422);
    assertThat(other.json().getString("message")).contains("Idempotency-Key");

    awaitInbox("First", 1);
    assertThat(sent("Second")).isZero();
    assertThat(inbox("Second")).isZero();
  }

  @Test
  void fiftyConcurrentRequestsWithOneKeySendOneNotification() throws Exception {
    var key = newKey();
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(50);
    var replies = new ArrayList<Future<Api.Reply>>();
    try {
      for (int i = 0; i < 50; i++) {
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return post(key, body("Fifty"));
                }));
      }
      start.countDown();
      var answers = new ArrayList<Api.Reply>();
      for (var reply : replies) {
        answers.add(reply.get());
      }
      // each one gets the first answer, or is told to retry while the first is still committing
      assertThat(answers).extracting(Api.Reply::status).allMatch(s -> s == 201 || s == 409);
      var created = answers.stream().filter(a -> a.status() == 201).toList();
      assertThat(created).isNotEmpty();
      assertThat(created.stream().map(Api.Reply::body).distinct()).hasSize(1);
      assertThat(created.stream().filter(a -> a.header(REPLAYED) == null)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    awaitInbox("Fifty", 1);
    assertThat(sent("Fifty")).isEqualTo(1);
  }

  @Test
  void aKeyIsAnOrganizationsOwn() {
    var key = newKey();
    var here = post(key, body("Mine"));
    var elsewhere = Organization.create(systemAdmin(), "idem-other");
    elsewhere.member("ann@example.com");
    var there =
        sender
            .as(systemAdmin().token())
            .send(
                "POST",
                elsewhere.path + "/notifications",
                body("Mine"),
                Map.of("Content-Type", "application/json", "Idempotency-Key", key));

    assertThat(here.status()).isEqualTo(201);
    assertThat(there.status()).as(there.toString()).isEqualTo(201);
    assertThat(there.header(REPLAYED)).isNull();
    assertThat(there.json().getString("notificationId"))
        .isNotEqualTo(here.json().getString("notificationId"));
  }

  /**
   * A key stands for its request for 24 hours. The test ages the key's row itself, so it needs the
   * database the server uses: PostgreSQL (the embedded H2 file is the server's alone; CI runs the
   * suites on PostgreSQL).
   */
  @Test
  void anExpiredKeySendsTheRequestAgain() throws Exception {
    var url = System.getProperty("herald.test.db.url", "");
    Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "needs the server's PostgreSQL");
    var key = newKey();
    var first = post(key, body("Daily"));
    assertThat(first.status()).isEqualTo(201);
    try (var db =
            DriverManager.getConnection(
                url,
                System.getProperty("herald.test.db.user"),
                System.getProperty("herald.test.db.password"));
        var age =
            db.prepareStatement(
                "UPDATE idempotent_request SET expires_at = now() - INTERVAL '1 second'"
                    + " WHERE organization_id = ? AND idempotency_key = ?")) {
      age.setString(1, org.id);
      age.setString(2, key);
      assertThat(age.executeUpdate()).isEqualTo(1);
    }

    var later = post(key, body("Daily"));
    assertThat(later.status()).as(later.toString()).isEqualTo(201);
    assertThat(later.header(REPLAYED)).isNull();
    assertThat(later.json().getString("notificationId"))
        .isNotEqualTo(first.json().getString("notificationId"));
    awaitInbox("Daily", 2);
  }

  private static final String REPLAYED = "Idempotent-Replayed";

  private static String newKey() {
    return "key-" + UUID.randomUUID();
  }

  private Api.Reply post(String key, String json) {
    return sender.send(
        "POST",
        org.path + "/notifications",
        json,
        Map.of("Content-Type", "application/json", "Idempotency-Key", key));
  }

  private static String body(String title) {
    return "{\"content\":{\"title\":"
        + Api.q(title)
        + ",\"text\":\"World\"},\"scope\":\"USR\",\"emails\":[\"ann@example.com\"]}";
  }

  private long sent(String title) {
    return org.sentTitled(title);
  }

  private long inbox(String title) {
    return org.inboxTitled(annInbox, title);
  }

  private void awaitInbox(String title, long count) {
    Eventually.await(
        count + " inbox items titled " + title,
        Duration.ofSeconds(15),
        () -> inbox(title),
        n -> n >= count);
  }
}
