package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A notification leaves Herald through every channel: APNs, FCM, e-mail, the example web hook and
 * the inbox, for exactly the members its scope names.
 */
class DeliveryEndToEndIT extends HeraldIT {

  private static LocalServices services;

  @BeforeAll
  static void startServices() throws Exception {
    services = new LocalServices();
  }

  @AfterAll
  static void stopServices() {
    services.close();
  }

  @Test
  void anSlnGrpNotificationWithATargetJigReachesEveryChannelOfTheRightMembers() throws Exception {
    var org = Organization.create(systemAdmin(), "e2e");
    var ann = org.member("ann@e2e.example");
    var bob = org.member("bob@e2e.example");
    var cat = org.member("cat@e2e.example");
    var dan = org.member("dan@e2e.example");
    var solution = org.solution("sales");
    org.group(solution, "customers", ann, bob, cat);
    org.assign(solution, dan);
    register(org, ann, "ios", "a11ce0001");
    register(org, bob, "android", "bob-fcm-token");
    register(org, cat, "ios", "ca7000001");
    register(org, cat, "android", "cat-fcm-token");
    register(org, dan, "ios", "da9000001");

    var sent =
        org.send(
            org.admin,
            """
            {"content": {"title": "Winter sale", "text": "20% on all stock",
                         "jigId": "view-promotion-details", "inputs": {"promo-code": "x-3654", "price": 34}},
             "scope": "SLN_GRP", "groups": ["customers"], "solutionId": "SOLUTION",
             "channels": ["push", "inapp", "email", "webhook"], "sound": true, "badge": 2}
            """
                .replace("SOLUTION", solution));
    var id = sent.getString("notificationId");
    var done = awaitState(org, id, "COMPLETED");

    var counters = done.getJsonObject("counters");
    assertThat(counters.getInt("recipients")).isEqualTo(3);
    assertThat(counters.getJsonNumber("delivered").longValue()).isEqualTo(3 + 4 + 3 + 3);
    assertThat(counters.getJsonNumber("failed").longValue()).isZero();
    assertThat(counters.getJsonObject("byChannel").getJsonObject("push").getInt("delivered"))
        .isEqualTo(4);

    var apns = services.apns.stream().filter(r -> r.body().contains(id)).toList();
    assertThat(apns)
        .extracting(LocalServices.Received::to)
        .containsExactlyInAnyOrder("a11ce0001", "ca7000001");
    var payload = Api.parse(apns.get(0).body()).asJsonObject();
    assertThat(payload.getJsonObject("aps").getJsonObject("alert").getString("title"))
        .isEqualTo("Winter sale");
    assertThat(payload.getJsonObject("aps").getJsonObject("alert").getString("body"))
        .isEqualTo("20% on all stock");
    assertThat(payload.getJsonObject("aps").getInt("badge")).isEqualTo(2);
    assertThat(payload.getString("jigId")).isEqualTo("view-promotion-details");
    assertThat(apns.get(0).body()).contains("x-3654");

    var fcm = services.fcm.stream().filter(r -> r.body().contains(id)).toList();
    assertThat(fcm).hasSize(2);
    assertThat(
            fcm.stream()
                .map(
                    r ->
                        Api.parse(r.body())
                            .asJsonObject()
                            .getJsonObject("message")
                            .getString("token")))
        .containsExactlyInAnyOrder("bob-fcm-token", "cat-fcm-token");
    var message = Api.parse(fcm.get(0).body()).asJsonObject().getJsonObject("message");
    assertThat(message.getJsonObject("notification").getString("title")).isEqualTo("Winter sale");
    assertThat(message.getJsonObject("data").getString("jigId"))
        .isEqualTo("view-promotion-details");

    services.smtp.waitForIncomingEmail(10_000, 3);
    var mails =
        Arrays.stream(services.smtp.getReceivedMessages())
            .filter(m -> header(m, "X-Herald-Notification").equals(id))
            .toList();
    assertThat(mails).hasSize(3);
    assertThat(mails.stream().map(DeliveryEndToEndIT::recipient))
        .containsExactlyInAnyOrder("ann@e2e.example", "bob@e2e.example", "cat@e2e.example");
    assertThat(mails.get(0).getSubject()).isEqualTo("Winter sale");

    var hooks = services.webhook.stream().filter(r -> r.body().contains(id)).toList();
    assertThat(hooks).hasSize(3);
    assertThat(hooks.get(0).body()).contains("\"promo-code\":\"x-3654\"");

    for (var member : List.of(ann, bob, cat)) {
      assertThat(inboxOf(org, member)).contains(id);
    }
    assertThat(inboxOf(org, dan)).doesNotContain(id);
    assertThat(services.apns).noneMatch(r -> r.to().equals("da9000001") && r.body().contains(id));
  }

  @Test
  void anUnregisteredDeviceIsDeactivatedAndSkippedLater() {
    var org = Organization.create(systemAdmin(), "e2e-dead");
    var eve = org.member("eve@e2e.example");
    var device = register(org, eve, "ios", LocalServices.DEAD_IOS_TOKEN);
    var first =
        org.send(
            org.admin,
            "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"USR\",\"emails\":[\"eve@e2e.example\"],\"channels\":[\"push\"]}");
    var done = awaitState(org, first.getString("notificationId"), "FAILED");
    assertThat(done.getJsonObject("counters").getInt("failed")).isEqualTo(1);
    var deliveries =
        org.admin
            .get(org.path + "/notifications/" + first.getString("notificationId") + "/deliveries")
            .items();
    assertThat(deliveries.getJsonObject(0).getString("lastError")).contains("Invalid recipient");
    var devices = org.admin.get(org.path + "/members/" + eve + "/devices").items();
    assertThat(devices.getJsonObject(0).getString("id")).isEqualTo(device);
    assertThat(devices.getJsonObject(0).getBoolean("active")).isFalse();

    var later =
        org.send(
            org.admin,
            "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"USR\",\"emails\":[\"eve@e2e.example\"]}");
    var laterDone = awaitState(org, later.getString("notificationId"), "COMPLETED");
    assertThat(laterDone.getJsonObject("counters").getJsonObject("byChannel").containsKey("push"))
        .isFalse();
  }

  @Test
  void anUnavailableServiceIsRetriedAndTheDeliverySucceeds() {
    var org = Organization.create(systemAdmin(), "e2e-retry");
    var fay = org.member("fay@e2e.example");
    register(org, fay, "ios", LocalServices.FLAKY_IOS_TOKEN);
    var sent =
        org.send(
            org.admin,
            "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"USR\",\"emails\":[\"fay@e2e.example\"],\"channels\":[\"push\"]}");
    var id = sent.getString("notificationId");
    awaitState(org, id, "COMPLETED");
    var delivery =
        org.admin.get(org.path + "/notifications/" + id + "/deliveries").items().getJsonObject(0);
    assertThat(delivery.getString("state")).isEqualTo("DELIVERED");
    assertThat(delivery.getInt("attempts")).isEqualTo(2);
    assertThat(delivery.getString("providerMessageId")).isNotBlank();
  }

  /**
   * A broadcast is fanned out in chunks (the suites run with {@code herald.dispatch.chunk-size} =
   * 100), each its own transaction: a notification to one member sent after it is delivered while
   * the broadcast's fan-out is still under way.
   */
  @Test
  void aUserNotificationIsDeliveredWhileABroadcastIsStillFanningOut() {
    var org = Organization.create(systemAdmin(), "e2e-chunks");
    var members = 10_000;
    var bulk = new StringBuilder("[");
    for (int i = 0; i < members - 1; i++) {
      bulk.append(i == 0 ? "" : ",")
          .append("{\"email\":\"m")
          .append(i)
          .append("@chunks.example\"}");
    }
    var imported = org.admin.post(org.path + "/members/bulk", bulk.append(']').toString());
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    var gus = org.member("gus@e2e.example");
    register(org, gus, "ios", "905000001");

    var broadcast =
        org.send(
                org.admin,
                """
                {"content": {"title": "To everyone", "text": "x"}, "scope": "ORG",
                 "channels": ["inapp"]}
                """)
            .getString("notificationId");
    var single =
        org.send(
                org.admin,
                """
                {"content": {"title": "To Gus", "text": "y"}, "scope": "USR",
                 "emails": ["gus@e2e.example"], "channels": ["push"]}
                """)
            .getString("notificationId");
    Eventually.await(
        "the push to Gus",
        Duration.ofSeconds(30),
        () -> services.apns.stream().anyMatch(r -> r.body().contains(single)),
        received -> received);

    var during = org.admin.get(org.path + "/notifications/" + broadcast).json();
    assertThat(during.getString("state")).as(during.toString()).isIn("QUEUED", "PROCESSING");
    var recipients = during.getJsonObject("counters").get("recipients");
    assertThat(recipients.toString())
        .as("fanned out so far")
        .isNotEqualTo(Integer.toString(members));
    var done = awaitState(org, broadcast, "COMPLETED");
    assertThat(done.getJsonObject("counters").getInt("recipients")).isEqualTo(members);
    assertThat(done.getJsonObject("counters").getJsonNumber("delivered").longValue())
        .isEqualTo(members);
  }

  private static String register(Organization org, String memberId, String platform, String token) {
    var reply =
        org.token(memberId, "MEMBER")
            .post(
                org.path + "/devices",
                "{\"platform\":\"" + platform + "\",\"token\":\"" + token + "\"}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  private static List<String> inboxOf(Organization org, String memberId) {
    return org.token(memberId, "MEMBER").get(org.path + "/inbox").items().stream()
        .map(i -> i.asJsonObject().getString("notificationId"))
        .toList();
  }

  private static JsonObject awaitState(Organization org, String id, String state) {
    return Eventually.await(
        "state " + state,
        Duration.ofSeconds(60),
        () -> org.admin.get(org.path + "/notifications/" + id).json(),
        n -> n.getString("state").equals(state));
  }

  private static String header(MimeMessage message, String name) {
    try {
      var values = message.getHeader(name);
      return values == null ? "" : values[0];
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
