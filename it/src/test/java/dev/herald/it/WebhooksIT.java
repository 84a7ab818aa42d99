package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Inbound webhooks (ADR 0015) on the real WAR: an external system posts a notifications-API body
 * signed per Standard Webhooks, signed here as such a system would sign it (HMAC-SHA256 computed in
 * the test, not by Herald's code). Notifications are counted where they land: the member's inbox,
 * and the organization's list.
 */
class WebhooksIT extends HeraldIT {

  private static final String REPLAYED = "Idempotent-Replayed";
  private static final String REFUSED = "{\"message\":\"Invalid webhook signature\"}";

  private Organization org;
  private Api annInbox;
  private Api external;

  @BeforeEach
  void setUp() {
    org = Organization.create(systemAdmin(), "hooks");
    annInbox = org.token(org.member("ann@example.com"), "MEMBER");
    external = org.admin.as(null);
  }

  @Test
  void aSignedRequestSendsTheNotificationAndIsAnsweredAsTheNotificationsApiAnswers() {
    var hook = create("{\"name\":\"billing\"}");
    assertThat(hook.url).isEqualTo("/v2.0/webhooks/" + org.id + "/" + hook.id);
    assertThat(hook.secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(hook.secret.substring(6)).length).isBetween(24, 64);

    var reply = post(hook, newId(), now(), body("Hello"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.header(REPLAYED)).isNull();
    var answer = reply.json();
    assertThat(reply.header("Location"))
        .isEqualTo(org.path + "/notifications/" + answer.getString("notificationId"));
    assertThat(answer.getString("createdBy")).isEqualTo("webhook:" + hook.id);
    // the same fields in the same order as POST …/notifications answers
    var direct = org.send(org.admin, body("Direct"));
    assertThat(answer.keySet()).containsExactlyElementsOf(direct.keySet());
    awaitInbox("Hello", 1);
    var read = org.admin.get(reply.header("Location"));
    assertThat(read.json().getString("createdBy")).isEqualTo("webhook:" + hook.id);
  }

  @Test
  void badSignaturesStaleTimestampsAndOtherBytesAreRefusedAlikeAndSendNothing() {
    var hook = create("{}");
    var other = create("{}");
    var text = body("Refused");
    var respaced = text.replace(",", ", ");
    var answers = new LinkedHashMap<String, Api.Reply>();
    answers.put("another webhook's secret", post(hook, newId(), now(), text, other.secret));
    answers.put("six minutes old", post(hook, newId(), now() - 360, text));
    answers.put("six minutes ahead", post(hook, newId(), now() + 360, text));
    var id = newId();
    var ts = now();
    answers.put(
        "re-serialised body", send(hook.url, id, ts, respaced, sign(hook.secret, id, ts, text)));
    answers.put("no signature", send(hook.url, id, ts, text, null));
    answers.put("no webhook-id", send(hook.url, null, ts, text, sign(hook.secret, id, ts, text)));
    answers.put("a signature of another scheme", send(hook.url, id, ts, text, "v1a,abc"));
    answers.put(
        "an unknown webhook",
        send(
            "/v2.0/webhooks/" + org.id + "/" + UUID.randomUUID(),
            id,
            ts,
            text,
            sign(hook.secret, id, ts, text)));
    answers.put(
        "not a webhook id",
        send("/v2.0/webhooks/" + org.id + "/x", id, ts, text, sign(hook.secret, id, ts, text)));
    answers.forEach(
        (what, reply) -> {
          assertThat(reply.status()).as(what + ": " + reply).isEqualTo(401);
          assertThat(reply.body()).as(what).isEqualTo(REFUSED);
        });
    assertThat(sent("Refused")).isZero();
    // a request that passes afterwards lands alone
    assertThat(post(hook, newId(), now(), body("Passes")).status()).isEqualTo(201);
    awaitInbox("Passes", 1);
    assertThat(inbox("Refused")).isZero();
  }

  @Test
  void aReplayedWebhookIdGetsTheFirstAnswerAndSendsOnce() {
    var hook = create("{}");
    var id = newId();
    var ts = now();
    var first = post(hook, id, ts, body("Once"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    var again = post(hook, id, ts, body("Once"));
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.header(REPLAYED)).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    // a caller's own Idempotency-Key of the same text is another key
    var keyed =
        org.admin.send(
            "POST",
            org.path + "/notifications",
            body("Once"),
            Map.of("Content-Type", "application/json", "Idempotency-Key", id));
    assertThat(keyed.header(REPLAYED)).isNull();
    awaitInbox("Once", 2);
    assertThat(sent("Once")).isEqualTo(2);
    assertThat(inbox("Once")).isEqualTo(2);
  }

  @Test
  void anOverLongWebhookIdIsRefusedWith400() {
    var hook = create("{}");
    var reply = post(hook, "m".repeat(200), now(), body("Long id"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.json().toString()).contains("webhook-id");
    assertThat(sent("Long id")).isZero();
  }

  @Test
  void afterARotationTheOldAndTheNewSecretAreBothAccepted() {
    var hook = create("{}");
    var rotated = org.admin.post(org.path + "/webhooks/" + hook.id + "/rotate", null);
    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    var newSecret = rotated.json().getString("secret");
    assertThat(newSecret).startsWith("whsec_").isNotEqualTo(hook.secret);
    assertThat(rotated.json().getString("id")).isEqualTo(hook.id);
    var grace = Instant.parse(rotated.json().getString("previousSecretExpiresAt"));
    assertThat(Duration.between(Instant.now(), grace))
        .isBetween(Duration.ofHours(23), Duration.ofHours(25));

    assertThat(post(hook, newId(), now(), body("Old secret"), hook.secret).status()).isEqualTo(201);
    assertThat(post(hook, newId(), now(), body("New secret"), newSecret).status()).isEqualTo(201);
    // several signatures, as a sender that signs with both during its own switch
    var id = newId();
    var ts = now();
    var text = body("Two signatures");
    var both =
        "v1,"
            + Base64.getEncoder().encodeToString(new byte[32])
            + " "
            + sign(newSecret, id, ts, text);
    assertThat(send(hook.url, id, ts, text, both).status()).isEqualTo(201);
    awaitInbox("Two signatures", 1);
    assertThat(sent("Old secret")).isEqualTo(1);
    assertThat(sent("New secret")).isEqualTo(1);

    // a second rotation ends the first secret at once
    var again = org.admin.post(org.path + "/webhooks/" + hook.id + "/rotate", null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(post(hook, newId(), now(), body("First secret"), hook.secret).status())
        .isEqualTo(401);
    assertThat(post(hook, newId(), now(), body("Second secret"), newSecret).status())
        .isEqualTo(201);
  }

  @Test
  void aRevokedWebhookIsRefused() {
    var hook = create("{}");
    assertThat(post(hook, newId(), now(), body("Before")).status()).isEqualTo(201);
    assertThat(org.admin.delete(org.path + "/webhooks/" + hook.id).status()).isEqualTo(204);
    var after = post(hook, newId(), now(), body("After"));
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.body()).isEqualTo(REFUSED);
    assertThat(sent("After")).isZero();
    var listed = listed(hook.id);
    assertThat(listed.getString("revokedAt")).isNotBlank();
    assertThat(org.admin.delete(org.path + "/webhooks/" + hook.id).status()).isEqualTo(204);
    var rotate = org.admin.post(org.path + "/webhooks/" + hook.id + "/rotate", null);
    assertThat(rotate.status()).as(rotate.toString()).isEqualTo(409);
  }

  @Test
  void anotherOrganizationCanNeitherManageNorUseTheWebhook() {
    var hook = create("{}");
    var other = Organization.create(systemAdmin(), "hooks-other");
    other.member("ann@example.com");
    var otherAdmin = other.token(other.member("admin@other.example"), "ADMIN");

    assertThat(otherAdmin.get(org.path + "/webhooks").status()).isEqualTo(404);
    assertThat(otherAdmin.post(org.path + "/webhooks/" + hook.id + "/rotate", null).status())
        .isEqualTo(404);
    assertThat(otherAdmin.delete(org.path + "/webhooks/" + hook.id).status()).isEqualTo(404);
    assertThat(otherAdmin.post(org.path + "/webhooks", "{}").status()).isEqualTo(404);
    // under its own organization's path, the id of this one's webhook is unknown
    assertThat(otherAdmin.post(other.path + "/webhooks/" + hook.id + "/rotate", null).status())
        .isEqualTo(404);
    assertThat(otherAdmin.delete(other.path + "/webhooks/" + hook.id).status()).isEqualTo(404);
    assertThat(otherAdmin.get(other.path + "/webhooks").items()).isEmpty();
    // and posting to it under the other organization's path is refused like a bad signature
    var id = newId();
    var ts = now();
    var text = body("Elsewhere");
    var there =
        send(
            "/v2.0/webhooks/" + other.id + "/" + hook.id,
            id,
            ts,
            text,
            sign(hook.secret, id, ts, text));
    assertThat(there.status()).isEqualTo(401);
    assertThat(there.body()).isEqualTo(REFUSED);
    assertThat(otherAdmin.get(other.path + "/notifications").items()).isEmpty();
    assertThat(sent("Elsewhere")).isZero();
    // still usable where it belongs; revoked only by its own organization
    assertThat(post(hook, newId(), now(), body("Home")).status()).isEqualTo(201);
  }

  @Test
  void onlyAdminsManageWebhooksAndTheirInputIsChecked() {
    var sender = org.token(org.member("sender@example.com"), "SENDER");
    assertThat(sender.post(org.path + "/webhooks", "{}").status()).isEqualTo(403);
    assertThat(sender.get(org.path + "/webhooks").status()).isEqualTo(403);
    assertThat(annInbox.get(org.path + "/webhooks").status()).isEqualTo(403);
    for (var bad :
        List.of(
            "{\"sendsPerMinute\":0}",
            "{\"sendsPerMinute\":-1}",
            "{\"sendsPerMinute\":1000001}",
            "{\"sendsPerMinute\":1.5}",
            "{\"name\":" + Api.q("n".repeat(201)) + "}",
            "{\"name\":5}",
            "[]")) {
      var reply = org.admin.post(org.path + "/webhooks", bad);
      assertThat(reply.status()).as(bad + " -> " + reply).isEqualTo(400);
    }
    assertThat(org.admin.get(org.path + "/webhooks").items()).isEmpty();
    var noBody = org.admin.send("POST", org.path + "/webhooks", null, Map.of());
    assertThat(noBody.status()).as(noBody.toString()).isEqualTo(201);
  }

  @Test
  void theSecretIsShownOnlyWhenCreatedOrRotated() {
    var hook = create("{\"name\":\"shown once\",\"sendsPerMinute\":50}");
    var rotated = org.admin.post(org.path + "/webhooks/" + hook.id + "/rotate", null);
    var newSecret = rotated.json().getString("secret");
    var list = org.admin.get(org.path + "/webhooks");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().containsKey("nextCursor")).isTrue();
    assertThat(list.body())
        .doesNotContain(hook.secret.substring(6))
        .doesNotContain(newSecret.substring(6))
        .doesNotContain("whsec_")
        .doesNotContain("\"secret\"");
    var listed = listed(hook.id);
    assertThat(listed.getString("name")).isEqualTo("shown once");
    assertThat(listed.getInt("sendsPerMinute")).isEqualTo(50);
    assertThat(listed.getString("url")).isEqualTo(hook.url);
    assertThat(listed.getString("rotatedAt")).isNotBlank();
  }

  /**
   * The secret is stored sealed, never as shown. The test reads the server's database itself, so it
   * needs PostgreSQL (the embedded H2 file is the server's alone; CI runs the suites on
   * PostgreSQL).
   */
  @Test
  void theStoredSecretIsNotThePlainSecret() throws Exception {
    var url = System.getProperty("herald.test.db.url", "");
    Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "needs the server's PostgreSQL");
    var hook = create("{}");
    var rotated = org.admin.post(org.path + "/webhooks/" + hook.id + "/rotate", null);
    var newSecret = rotated.json().getString("secret");
    try (var db =
            DriverManager.getConnection(
                url,
                System.getProperty("herald.test.db.user"),
                System.getProperty("herald.test.db.password"));
        var read =
            db.prepareStatement(
                "SELECT secret, previous_secret FROM webhook WHERE id = CAST(? AS UUID)")) {
      read.setString(1, hook.id);
      try (var rows = read.executeQuery()) {
        assertThat(rows.next()).isTrue();
        var stored = rows.getString(1) + " " + rows.getString(2);
        for (var secret : List.of(hook.secret, newSecret)) {
          var key = secret.substring(6);
          assertThat(stored)
              .doesNotContain(key)
              .doesNotContain(secret)
              .doesNotContain(
                  Base64.getUrlEncoder().encodeToString(Base64.getDecoder().decode(key)));
        }
      }
    }
  }

  @Test
  void aWebhookOverItsSendLimitGets429WithRetryAfter() {
    var hook = create("{\"sendsPerMinute\":2}");
    var answers = new ArrayList<Api.Reply>();
    // two pass in a minute; should a minute end among them, two more in the next
    while (answers.size() < 5 && answers.stream().noneMatch(a -> a.status() == 429)) {
      answers.add(post(hook, newId(), now(), body("limited " + answers.size())));
    }
    var refused = answers.get(answers.size() - 1);
    assertThat(refused.status()).as(answers.toString()).isEqualTo(429);
    assertThat(answers.subList(0, answers.size() - 1))
        .extracting(Api.Reply::status)
        .containsOnly(201)
        .hasSizeBetween(2, 4);
    var retryAfter = Integer.parseInt(refused.header("Retry-After"));
    assertThat(retryAfter).isBetween(1, 60);
    assertThat(refused.json().getString("message"))
        .contains("this webhook may send 2 notifications a minute");
    // the refused request sent nothing; another webhook of the organization is not slowed
    assertThat(sent("limited " + (answers.size() - 1))).isZero();
    assertThat(post(create("{}"), newId(), now(), body("Unlimited")).status()).isEqualTo(201);
  }

  // --- the external system's side

  /** A webhook as its creation showed it. */
  private record Hook(String id, String url, String secret) {}

  private Hook create(String json) {
    var reply = org.admin.post(org.path + "/webhooks", json);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    var hook = reply.json();
    assertThat(reply.header("Location")).isEqualTo(org.path + "/webhooks/" + hook.getString("id"));
    return new Hook(hook.getString("id"), hook.getString("url"), hook.getString("secret"));
  }

  private Api.Reply post(Hook hook, String id, long timestamp, String body) {
    return post(hook, id, timestamp, body, hook.secret);
  }

  private Api.Reply post(Hook hook, String id, long timestamp, String body, String secret) {
    return send(hook.url, id, timestamp, body, sign(secret, id, timestamp, body));
  }

  private Api.Reply send(String path, String id, long timestamp, String body, String signature) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Content-Type", "application/json");
    if (id != null) {
      headers.put("webhook-id", id);
    }
    headers.put("webhook-timestamp", Long.toString(timestamp));
    if (signature != null) {
      headers.put("webhook-signature", signature);
    }
    return external.send("POST", path, body, headers);
  }

  /** {@code v1,} and the base64 of HMAC-SHA256 over id.timestamp.body, per Standard Webhooks. */
  private static String sign(String secret, String id, long timestamp, String body) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
      var signed = id + "." + timestamp + "." + body;
      return "v1,"
          + Base64.getEncoder()
              .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private static String newId() {
    return "msg_" + UUID.randomUUID();
  }

  private static String body(String title) {
    return "{\"content\":{\"title\":"
        + Api.q(title)
        + ",\"text\":\"World\"},\"scope\":\"USR\",\"emails\":[\"ann@example.com\"]}";
  }

  // --- where notifications land

  private JsonObject listed(String id) {
    return org.admin.get(org.path + "/webhooks").items().getValuesAs(JsonObject.class).stream()
        .filter(w -> w.getString("id").equals(id))
        .findFirst()
        .orElseThrow();
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
