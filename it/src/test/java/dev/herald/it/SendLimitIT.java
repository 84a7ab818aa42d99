package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Send limits (ADR 0013): a token with a limit of its own gets {@code 429} with {@code Retry-After}
 * once it has sent that many notifications in a minute, and nothing is sent; other tokens, of the
 * same organization or another, go on.
 */
class SendLimitIT extends HeraldIT {

  private Organization org;
  private String senderId;

  @BeforeEach
  void setUp() {
    org = Organization.create(systemAdmin(), "limit");
    org.member("ann@example.com");
    senderId = org.member("sender@example.com");
  }

  @Test
  void aTokenOverItsLimitGets429WithRetryAfterAndSendsNothing() {
    var limited = limitedToken(3);
    var answers = new ArrayList<Api.Reply>();
    // three pass in a minute; should a minute end among them, three more in the next
    while (answers.size() < 7 && answers.stream().noneMatch(a -> a.status() == 429)) {
      answers.add(limited.post(org.path + "/notifications", body("limited " + answers.size())));
    }
    var refused = answers.get(answers.size() - 1);
    assertThat(refused.status()).as(answers.toString()).isEqualTo(429);
    assertThat(answers.subList(0, answers.size() - 1))
        .extracting(Api.Reply::status)
        .containsOnly(201)
        .hasSizeBetween(3, 6);
    var retryAfter = Integer.parseInt(refused.header("Retry-After"));
    assertThat(retryAfter).isBetween(1, 60);
    assertThat(refused.json().getString("message"))
        .contains("3 notifications a minute")
        .contains("retry in " + retryAfter + " s");
    var list = org.admin.get(org.path + "/notifications?limit=100").items();
    assertThat(list).hasSize(answers.size() - 1);
  }

  /** Twenty at once, the first of the token's minute: exactly ten through, however they race. */
  @Test
  void concurrentRequestsAreCountedExactly() throws Exception {
    var limited = limitedToken(10);
    var second = java.time.LocalTime.now(java.time.ZoneOffset.UTC).getSecond();
    if (second > 50) {
      Thread.sleep((61 - second) * 1_000L);
    }
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
    var replies = new ArrayList<java.util.concurrent.Future<Api.Reply>>();
    try {
      for (int i = 0; i < 20; i++) {
        var title = "racing " + i;
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return limited.post(org.path + "/notifications", body(title));
                }));
      }
      start.countDown();
      var statuses = new ArrayList<Integer>();
      for (var reply : replies) {
        statuses.add(reply.get().status());
      }
      assertThat(statuses.stream().filter(s -> s == 201)).as(statuses.toString()).hasSize(10);
      assertThat(statuses.stream().filter(s -> s == 429)).as(statuses.toString()).hasSize(10);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void otherTokensAndOrganizationsAreNotSlowedByALimitedOne() {
    var limited = limitedToken(1);
    assertThat(limited.post(org.path + "/notifications", body("first")).status()).isEqualTo(201);
    var refused = limited.post(org.path + "/notifications", body("second"));
    if (refused.status() == 201) {
      // the minute ended between the two: the next one is refused
      refused = limited.post(org.path + "/notifications", body("third"));
    }
    assertThat(refused.status()).as(refused.toString()).isEqualTo(429);

    var sameOrganization = org.token(senderId, "SENDER");
    assertThat(sameOrganization.post(org.path + "/notifications", body("other")).status())
        .isEqualTo(201);
    var elsewhere = Organization.create(systemAdmin(), "limit-other");
    elsewhere.member("ann@example.com");
    assertThat(elsewhere.admin.post(elsewhere.path + "/notifications", body("there")).status())
        .isEqualTo(201);
    // reading is never limited
    assertThat(limited.get(org.path + "/notifications").status()).isEqualTo(200);
  }

  @Test
  void aTokensOwnLimitIsShownAndChecked() {
    var created =
        org.admin.post(
            org.path + "/tokens",
            "{\"memberId\":" + Api.q(senderId) + ",\"role\":\"SENDER\",\"sendsPerMinute\":7}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getInt("sendsPerMinute")).isEqualTo(7);

    for (var bad : new String[] {"0", "-1", "1000001", "1.5", "\"7\""}) {
      var refused =
          org.admin.post(
              org.path + "/tokens",
              "{\"memberId\":"
                  + Api.q(senderId)
                  + ",\"role\":\"SENDER\",\"sendsPerMinute\":"
                  + bad
                  + "}");
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.body()).contains("sendsPerMinute");
    }
    assertThat(org.admin.get(org.path + "/tokens").items())
        .filteredOn(t -> t.asJsonObject().containsKey("sendsPerMinute"))
        .hasSize(1);
  }

  private Api limitedToken(int perMinute) {
    var reply =
        org.admin.send(
            "POST",
            org.path + "/tokens",
            "{\"memberId\":"
                + Api.q(senderId)
                + ",\"role\":\"SENDER\",\"sendsPerMinute\":"
                + perMinute
                + "}",
            Map.of("Content-Type", "application/json"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return org.admin.as(reply.json().getString("token"));
  }

  private static String body(String title) {
    return "{\"content\":{\"title\":"
        + Api.q(title)
        + ",\"text\":\"World\"},\"scope\":\"USR\",\"emails\":[\"ann@example.com\"]}";
  }
}
