package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-app inbox: read state, counts, and the live stream with resume. */
class InboxIT extends HeraldIT {

  private Organization org;
  private Api ann;

  @BeforeEach
  void setUp() {
    org = Organization.create(systemAdmin(), "inbox");
    var annId = org.member("ann@example.com");
    org.member("bob@example.com");
    ann = org.token(annId, "MEMBER");
  }

  @Test
  void aNotificationArrivesLiveAndAReconnectingStreamGetsWhatItMissed() throws Exception {
    var uri = systemAdmin().base().resolve(org.path.substring(1) + "/inbox/stream");
    var token = ann.token();
    String lastId;
    try (var stream = new SseClient(uri, token, null)) {
      var started = System.nanoTime();
      var sent = send("first", "ann@example.com");
      var event = stream.next(Duration.ofSeconds(5));
      var millis = (System.nanoTime() - started) / 1_000_000;
      System.out.println("Inbox stream latency from POST to event: " + millis + " ms");
      assertThat(event.name()).isEqualTo("notification");
      var data = Api.parse(event.data()).asJsonObject();
      assertThat(data.getString("notificationId")).isEqualTo(sent);
      assertThat(data.getString("title")).isEqualTo("first");
      assertThat(data.getBoolean("read")).isFalse();
      assertThat(event.id()).isEqualTo(data.getString("id"));
      lastId = event.id();
    }
    var missed1 = send("second", "ann@example.com");
    var missed2 = send("third", "ann@example.com");
    Eventually.await(
        "both in the inbox",
        Duration.ofSeconds(10),
        () -> ann.get(org.path + "/inbox").items().size(),
        n -> n == 3);
    try (var resumed = new SseClient(uri, token, lastId)) {
      var first = Api.parse(resumed.next(Duration.ofSeconds(5)).data()).asJsonObject();
      var second = Api.parse(resumed.next(Duration.ofSeconds(5)).data()).asJsonObject();
      assertThat(first.getString("notificationId")).isEqualTo(missed1);
      assertThat(second.getString("notificationId")).isEqualTo(missed2);
    }
  }

  @Test
  void theStreamOnlyCarriesTheCallersOwnItems() throws Exception {
    var uri = systemAdmin().base().resolve(org.path.substring(1) + "/inbox/stream");
    try (var stream = new SseClient(uri, ann.token(), null)) {
      send("for bob", "bob@example.com");
      var mine = send("for ann", "ann@example.com");
      var event = Api.parse(stream.next(Duration.ofSeconds(5)).data()).asJsonObject();
      assertThat(event.getString("notificationId")).isEqualTo(mine);
    }
  }

  @Test
  void readStateAndCounts() {
    var first = send("one", "ann@example.com");
    send("two", "ann@example.com");
    send("three", "ann@example.com");
    Eventually.await(
        "three items",
        Duration.ofSeconds(10),
        () -> ann.get(org.path + "/inbox").items().size(),
        n -> n == 3);
    assertThat(ann.get(org.path + "/inbox/unread-count").json().getInt("count")).isEqualTo(3);

    assertThat(ann.post(org.path + "/inbox/" + first + "/read", null).status()).isEqualTo(204);
    assertThat(ann.post(org.path + "/inbox/" + first + "/read", null).status()).isEqualTo(204);
    assertThat(ann.get(org.path + "/inbox/unread-count").json().getInt("count")).isEqualTo(2);
    var unread = ann.get(org.path + "/inbox?unread=true").items();
    assertThat(unread).hasSize(2);
    assertThat(unread.stream().map(i -> i.asJsonObject().getString("notificationId")))
        .doesNotContain(first);

    var page = ann.get(org.path + "/inbox?limit=2").json();
    assertThat(page.getJsonArray("items")).hasSize(2);
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("title")).isEqualTo("three");
    var rest = ann.get(org.path + "/inbox?limit=2&cursor=" + page.getString("nextCursor")).json();
    assertThat(rest.getJsonArray("items")).hasSize(1);
    assertThat(rest.getJsonArray("items").getJsonObject(0).getBoolean("read")).isTrue();
    assertThat(rest.isNull("nextCursor")).isTrue();

    assertThat(ann.post(org.path + "/inbox/read-all", null).json().getInt("marked")).isEqualTo(2);
    assertThat(ann.get(org.path + "/inbox/unread-count").json().getInt("count")).isZero();
    assertThat(
            ann.post(org.path + "/inbox/00000000-0000-0000-0000-000000000001/read", null).status())
        .isEqualTo(404);
  }

  @Test
  void devicesAreRegisteredOnceAndMoveWithTheirToken() {
    var bob =
        org.token(
            org.admin.get(org.path + "/members?q=bob").items().getJsonObject(0).getString("id"),
            "MEMBER");
    var first =
        ann.post(org.path + "/devices", "{\"platform\":\"android\",\"token\":\"shared-phone\"}");
    assertThat(first.status()).isEqualTo(201);
    var again =
        bob.post(org.path + "/devices", "{\"platform\":\"android\",\"token\":\"shared-phone\"}");
    assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
    var annId = first.json().getString("memberId");
    assertThat(org.admin.get(org.path + "/members/" + annId + "/devices").items()).isEmpty();
    assertThat(
            ann.post(org.path + "/devices", "{\"platform\":\"windows\",\"token\":\"x\"}").status())
        .isEqualTo(400);
    assertThat(ann.delete(org.path + "/devices/" + first.json().getString("id")).status())
        .as("not ann's any more")
        .isEqualTo(404);
    assertThat(bob.delete(org.path + "/devices/" + first.json().getString("id")).status())
        .isEqualTo(204);
  }

  private String send(String title, String email) {
    return org.send(
            org.admin,
            "{\"title\":\""
                + title
                + "\",\"text\":\"x\",\"scope\":\"USR\",\"emails\":[\""
                + email
                + "\"]}")
        .getString("notificationId");
  }
}
