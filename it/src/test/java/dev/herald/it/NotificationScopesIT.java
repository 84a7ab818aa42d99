package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each scope reaches exactly the right members' inboxes, once each. */
class NotificationScopesIT extends HeraldIT {

  private Organization org;
  private Api sender;
  private Map<String, Api> inboxes;
  private String solution;

  @BeforeEach
  void setUp() {
    org = Organization.create(systemAdmin(), "scopes");
    var ann = org.member("ann@example.com");
    var bob = org.member("bob@example.com");
    var cat = org.member("cat@example.com");
    var dan = org.member("dan@example.com");
    solution = org.solution("crm");
    var other = org.solution("hr");
    org.assign(solution, ann);
    org.assign(solution, bob);
    org.assign(other, dan);
    org.group(solution, "customers", ann, cat);
    org.group(solution, "managers", ann);
    sender = org.token(org.member("sender@example.com"), "SENDER");
    inboxes =
        Map.of(
            "ann", org.token(ann, "MEMBER"),
            "bob", org.token(bob, "MEMBER"),
            "cat", org.token(cat, "MEMBER"),
            "dan", org.token(dan, "MEMBER"));
  }

  @Test
  void usrReachesTheNamedMembersOnly() {
    var sent =
        org.send(
            sender, body("\"scope\":\"USR\",\"emails\":[\"ANN@example.com\",\"dan@example.com\"]"));
    awaitState(sent, "COMPLETED");
    assertRecipients(sent, "ann", "dan");
  }

  @Test
  void slnReachesTheSolutionsMembers() {
    var sent = org.send(sender, body("\"scope\":\"SLN\",\"solutionId\":\"" + solution + "\""));
    awaitState(sent, "COMPLETED");
    // cat joined the solution by joining one of its groups
    assertRecipients(sent, "ann", "bob", "cat");
  }

  @Test
  void slnGrpReachesEachGroupMemberOnceEvenInTwoGroups() {
    var sent =
        org.send(
            sender,
            body(
                "\"scope\":\"SLN_GRP\",\"solutionId\":\""
                    + solution
                    + "\",\"groups\":[\"customers\",\"managers\"]"));
    awaitState(sent, "COMPLETED");
    assertRecipients(sent, "ann", "cat");
    var ann = inboxes.get("ann").get(org.path + "/inbox").items();
    assertThat(
            ann.stream()
                .filter(
                    i ->
                        i.asJsonObject()
                            .getString("notificationId")
                            .equals(sent.getString("notificationId"))))
        .hasSize(1);
  }

  @Test
  void orgReachesEveryMember() {
    var sent = org.send(sender, body("\"scope\":\"ORG\""));
    var done = awaitState(sent, "COMPLETED");
    assertRecipients(sent, "ann", "bob", "cat", "dan");
    assertThat(done.getJsonObject("counters").getInt("recipients")).isEqualTo(5);
    assertThat(done.getJsonObject("counters").getJsonNumber("delivered").longValue()).isEqualTo(5);
    assertThat(org.admin.get(org.path + "/members/count").json().getInt("count")).isEqualTo(5);

    var listed = sender.get(org.path + "/notifications").items().getJsonObject(0);
    assertThat(listed.getString("notificationId")).isEqualTo(sent.getString("notificationId"));
    assertThat(listed.getJsonObject("counters")).isEqualTo(done.getJsonObject("counters"));
  }

  @Test
  void aScheduledNotificationWaitsForItsStartTime() {
    var startAt = Instant.now().plusSeconds(3).toString();
    var sent =
        org.send(
            sender,
            body(
                "\"scope\":\"USR\",\"emails\":[\"bob@example.com\"],\"startAt\":\""
                    + startAt
                    + "\""));
    assertThat(sent.getString("state")).isEqualTo("SCHEDULED");
    assertThat(inboxIds("bob")).doesNotContain(sent.getString("notificationId"));
    awaitState(sent, "COMPLETED");
    assertThat(inboxIds("bob")).contains(sent.getString("notificationId"));
  }

  @Test
  void aScheduledNotificationCanBeCancelledOnce() {
    var startAt = Instant.now().plusSeconds(3600).toString();
    var sent = org.send(sender, body("\"scope\":\"ORG\",\"startAt\":\"" + startAt + "\""));
    var path = org.path + "/notifications/" + sent.getString("notificationId");
    var cancelled = sender.delete(path);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().getString("state")).isEqualTo("CANCELLED");
    var again = sender.delete(path);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("message")).contains("CANCELLED");
  }

  @Test
  void aCompletedNotificationCannotBeCancelled() {
    var sent = org.send(sender, body("\"scope\":\"USR\",\"emails\":\"bob@example.com\""));
    awaitState(sent, "COMPLETED");
    var reply = sender.delete(org.path + "/notifications/" + sent.getString("notificationId"));
    assertThat(reply.status()).isEqualTo(409);
  }

  @Test
  void deliveriesShowEachRecipientAndChannel() {
    var sent =
        org.send(
            sender, body("\"scope\":\"USR\",\"emails\":[\"ann@example.com\",\"bob@example.com\"]"));
    awaitState(sent, "COMPLETED");
    var deliveries =
        sender
            .get(org.path + "/notifications/" + sent.getString("notificationId") + "/deliveries")
            .items();
    assertThat(deliveries).hasSize(2);
    assertThat(deliveries.stream().map(d -> d.asJsonObject().getString("email")))
        .containsExactlyInAnyOrder("ann@example.com", "bob@example.com");
    assertThat(deliveries.stream().map(d -> d.asJsonObject().getString("channel")))
        .containsOnly("inapp");
    assertThat(deliveries.stream().map(d -> d.asJsonObject().getString("state")))
        .containsOnly("DELIVERED");
  }

  @Test
  void theInboxIsServedWhilePushDeliveriesAreStillPending() {
    var bob = inboxes.get("bob");
    assertThat(
            bob.post(org.path + "/devices", "{\"platform\":\"ios\",\"token\":\"bob-phone\"}")
                .status())
        .isEqualTo(201);
    var sent = org.send(sender, body("\"scope\":\"USR\",\"emails\":[\"bob@example.com\"]"));
    var processing = awaitState(sent, "PROCESSING");
    Eventually.await(
        "the inbox item",
        Duration.ofSeconds(5),
        () -> inboxIds("bob"),
        ids -> ids.contains(sent.getString("notificationId")));
    var counters =
        sender
            .get(org.path + "/notifications/" + sent.getString("notificationId"))
            .json()
            .getJsonObject("counters");
    assertThat(
            counters
                .getJsonObject("byChannel")
                .getJsonObject("push")
                .getJsonNumber("pending")
                .longValue())
        .isEqualTo(1);
    assertThat(processing.getString("state")).isEqualTo("PROCESSING");
  }

  @Test
  void listsNewestFirstWithCursorsAndFilters() {
    var first = org.send(sender, body("\"scope\":\"ORG\""));
    var second = org.send(sender, body("\"scope\":\"SLN\",\"solutionId\":\"" + solution + "\""));
    var third = org.send(sender, body("\"scope\":\"ORG\""));
    var page1 = sender.get(org.path + "/notifications?limit=2");
    assertThat(ids(page1.items()))
        .containsExactly(third.getString("notificationId"), second.getString("notificationId"));
    var cursor = page1.json().getString("nextCursor");
    var page2 = sender.get(org.path + "/notifications?limit=2&cursor=" + cursor).json();
    assertThat(ids(page2.getJsonArray("items"))).startsWith(first.getString("notificationId"));
    var slnOnly = sender.get(org.path + "/notifications?scope=SLN&solutionId=" + solution).items();
    assertThat(ids(slnOnly))
        .contains(second.getString("notificationId"))
        .doesNotContain(first.getString("notificationId"));
    assertThat(sender.get(org.path + "/notifications?state=NOPE").status()).isEqualTo(400);
    assertThat(sender.get(org.path + "/notifications?cursor=%21%21").status()).isEqualTo(400);
  }

  private List<String> ids(jakarta.json.JsonArray items) {
    return items.stream().map(i -> i.asJsonObject().getString("notificationId")).toList();
  }

  private List<String> inboxIds(String who) {
    return inboxes.get(who).get(org.path + "/inbox").items().stream()
        .map(i -> i.asJsonObject().getString("notificationId"))
        .toList();
  }

  private void assertRecipients(JsonObject sent, String... expected) {
    var id = sent.getString("notificationId");
    for (var who : inboxes.keySet()) {
      var has = inboxIds(who).contains(id);
      assertThat(has).as(who + " has the notification").isEqualTo(List.of(expected).contains(who));
    }
  }

  private JsonObject awaitState(JsonObject sent, String state) {
    var path = org.path + "/notifications/" + sent.getString("notificationId");
    return Eventually.await(
        "state " + state,
        Duration.ofSeconds(15),
        () -> sender.get(path).json(),
        n -> n.getString("state").equals(state));
  }

  private static String body(String scopeFields) {
    return "{\"content\":{\"title\":\"Hello\",\"text\":\"World\"}," + scopeFields + "}";
  }
}
