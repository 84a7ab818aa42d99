package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An open inbox stream lives no longer than its token: revoking the token, its expiry, or deleting
 * its member ends the stream within seconds; and a token holds at most five streams (ADR 0007).
 */
class StreamRevocationIT extends HeraldIT {

  /** The server checks every 2 s; a generous bound for a slow, shared machine. */
  private static final Duration ENDS_WITHIN = Duration.ofSeconds(15);

  private Organization org;
  private String annId;
  private URI stream;

  @BeforeEach
  void setUp() {
    org = Organization.create(systemAdmin(), "revoke");
    annId = org.member("ann@example.com");
    stream = systemAdmin().base().resolve(org.path.substring(1) + "/inbox/stream");
  }

  @Test
  void revokingTheTokenEndsItsOpenStream() throws Exception {
    var token = issue(annId, null);
    try (var live = new SseClient(stream, token.getString("token"), null)) {
      send("before");
      assertThat(title(live.next(Duration.ofSeconds(10)))).isEqualTo("before");

      var revoked = System.nanoTime();
      assertThat(org.admin.delete(org.path + "/tokens/" + token.getString("id")).status())
          .isEqualTo(204);
      assertEnds(live, revoked, "revocation");
      send("after");
      assertThat(live.poll(Duration.ofSeconds(1))).as("nothing after the end").isNull();
    }
    assertThatThrownBy(() -> new SseClient(stream, token.getString("token"), null))
        .hasMessageContaining("401");
  }

  @Test
  void deletingTheMemberEndsItsOpenStream() throws Exception {
    var bobId = org.member("bob@example.com");
    var token = issue(bobId, null);
    try (var live = new SseClient(stream, token.getString("token"), null)) {
      var deleted = System.nanoTime();
      assertThat(org.admin.delete(org.path + "/members/" + bobId).status()).isEqualTo(204);
      assertEnds(live, deleted, "the member's deletion");
    }
  }

  @Test
  void anExpiringTokenEndsItsOpenStream() throws Exception {
    var expiresAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
    var token = issue(annId, expiresAt.toString());
    try (var live = new SseClient(stream, token.getString("token"), null)) {
      assertThat(live.awaitEnd(Duration.ofSeconds(2))).as("open before expiry").isFalse();
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()));
      assertEnds(live, System.nanoTime(), "expiry");
    }
  }

  @Test
  void aSixthStreamOfOneTokenEndsItsOldest() throws Exception {
    var token = issue(annId, null).getString("token");
    var other = issue(annId, null).getString("token");
    var streams = new ArrayList<SseClient>();
    try (var otherStream = new SseClient(stream, other, null)) {
      for (int i = 0; i < 5; i++) {
        streams.add(new SseClient(stream, token, null));
      }
      assertThat(streams.get(0).awaitEnd(Duration.ofSeconds(1))).isFalse();

      streams.add(new SseClient(stream, token, null));
      var closed = streams.get(0).next(Duration.ofSeconds(10));
      assertThat(closed.name()).isEqualTo("closed");
      assertThat(Api.parse(closed.data()).asJsonObject().getString("message"))
          .contains("oldest stream was closed");
      assertThat(streams.get(0).awaitEnd(ENDS_WITHIN)).isTrue();

      send("to the five");
      for (var open : streams.subList(1, 6)) {
        assertThat(title(open.next(Duration.ofSeconds(10)))).isEqualTo("to the five");
      }
      assertThat(title(otherStream.next(Duration.ofSeconds(10))))
          .as("another token's stream is not affected")
          .isEqualTo("to the five");
    } finally {
      streams.forEach(SseClient::close);
    }
  }

  private static void assertEnds(SseClient live, long since, String cause) throws Exception {
    var last = live.next(ENDS_WITHIN);
    var millis = (System.nanoTime() - since) / 1_000_000;
    assertThat(last.name()).as("the last event says why").isEqualTo("closed");
    assertThat(Api.parse(last.data()).asJsonObject().getString("message"))
        .isEqualTo("Unauthorized");
    assertThat(live.awaitEnd(ENDS_WITHIN)).as("the stream ends after " + cause).isTrue();
    System.out.println("Inbox stream ended " + millis + " ms after " + cause);
  }

  private JsonObject issue(String memberId, String expiresAt) {
    var reply =
        org.admin.post(
            org.path + "/tokens",
            "{\"memberId\":"
                + Api.q(memberId)
                + ",\"role\":\"MEMBER\""
                + (expiresAt == null ? "" : ",\"expiresAt\":" + Api.q(expiresAt))
                + "}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  private void send(String title) {
    org.send(
        org.admin,
        "{\"title\":"
            + Api.q(title)
            + ",\"text\":\"x\",\"channels\":[\"inapp\"],\"scope\":\"USR\","
            + "\"emails\":[\"ann@example.com\"]}");
  }

  private static String title(SseClient.Event event) {
    assertThat(event.name()).isEqualTo("notification");
    return Api.parse(event.data()).asJsonObject().getString("title");
  }
}
