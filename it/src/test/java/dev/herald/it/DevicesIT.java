package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A push token is registered per organization: another organization registering the same token gets
 * a device of its own and learns nothing of the first; within one organization the token moves to
 * the member who registered it last (the phone changed hands).
 */
class DevicesIT extends HeraldIT {

  @Test
  void anotherOrganizationRegisteringTheSameTokenTakesNothingAway() {
    var a = Organization.create(systemAdmin(), "dev-a");
    var b = Organization.create(systemAdmin(), "dev-b");
    var ann = a.member("ann@dev-a.example");
    var bob = b.member("bob@dev-b.example");
    var pushToken = "a11ce" + UUID.randomUUID().toString().replace("-", "");

    var inA = register(a, a.token(ann, "MEMBER"), pushToken);
    assertThat(inA.getString("memberId")).isEqualTo(ann);
    var annDevice = inA.getString("id");

    var reply =
        b.token(bob, "MEMBER")
            .post(b.path + "/devices", "{\"platform\":\"ios\",\"token\":" + Api.q(pushToken) + "}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    var bobDevice = reply.json().getString("id");
    assertThat(bobDevice).isNotEqualTo(annDevice);
    assertThat(reply.json().getString("memberId")).isEqualTo(bob);
    assertThat(reply.body()).doesNotContain(annDevice).doesNotContain(ann).doesNotContain(a.id);
    assertThat(reply.header("Location"))
        .isEqualTo(b.path + "/devices/" + bobDevice)
        .doesNotContain(annDevice);

    // A keeps its device, B has its own.
    assertThat(devices(a, ann)).extracting(d -> d.getString("id")).containsExactly(annDevice);
    assertThat(devices(a, ann).get(0).getBoolean("active")).isTrue();
    assertThat(devices(b, bob)).extracting(d -> d.getString("id")).containsExactly(bobDevice);

    // Each organization's notifications go to its own member's device.
    assertThat(pushDeliveries(a, "USR\",\"emails\":[\"ann@dev-a.example\"]"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getString("memberId")).isEqualTo(ann);
              assertThat(d.getString("deviceId")).isEqualTo(annDevice);
            });
    assertThat(pushDeliveries(b, "ORG\""))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getString("memberId")).isEqualTo(bob);
              assertThat(d.getString("deviceId")).isEqualTo(bobDevice);
            });

    // B removing its device leaves A's alone.
    assertThat(b.token(bob, "MEMBER").delete(b.path + "/devices/" + bobDevice).status())
        .isEqualTo(204);
    assertThat(devices(a, ann)).extracting(d -> d.getString("id")).containsExactly(annDevice);
    // and B cannot remove A's device by its id
    assertThat(b.token(bob, "MEMBER").delete(b.path + "/devices/" + annDevice).status())
        .isEqualTo(404);
    assertThat(devices(a, ann)).hasSize(1);
  }

  @Test
  void withinAnOrganizationTheTokenMovesToTheMemberWhoRegisteredItLast() {
    var org = Organization.create(systemAdmin(), "dev-move");
    var ann = org.member("ann@dev-move.example");
    var cat = org.member("cat@dev-move.example");
    var pushToken = "ca7" + UUID.randomUUID().toString().replace("-", "");

    var first = register(org, org.token(ann, "MEMBER"), pushToken);
    var second = register(org, org.token(cat, "MEMBER"), pushToken);

    assertThat(second.getString("id")).isEqualTo(first.getString("id"));
    assertThat(second.getString("memberId")).isEqualTo(cat);
    assertThat(devices(org, ann)).isEmpty();
    assertThat(devices(org, cat))
        .extracting(d -> d.getString("id"))
        .containsExactly(first.getString("id"));
    assertThat(pushDeliveries(org, "USR\",\"emails\":[\"ann@dev-move.example\"]")).isEmpty();
  }

  private static JsonObject register(Organization org, Api member, String pushToken) {
    var reply =
        member.post(
            org.path + "/devices", "{\"platform\":\"ios\",\"token\":" + Api.q(pushToken) + "}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  private static java.util.List<JsonObject> devices(Organization org, String memberId) {
    var reply = org.admin.get(org.path + "/members/" + memberId + "/devices");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.items().stream().map(v -> v.asJsonObject()).toList();
  }

  /** Sends a push-only notification with the given scope and returns its deliveries. */
  private static java.util.List<JsonObject> pushDeliveries(Organization org, String scope) {
    var id =
        org.send(
                org.admin,
                "{\"title\":\"t\",\"text\":\"x\",\"channels\":[\"push\"],\"scope\":\""
                    + scope
                    + "}")
            .getString("notificationId");
    var path = org.path + "/notifications/" + id;
    Eventually.await(
        "the notification to be dispatched",
        Duration.ofSeconds(30),
        () -> org.admin.get(path).json().getString("state"),
        state -> !state.equals("QUEUED") && !state.equals("SCHEDULED"));
    return org.admin.get(path + "/deliveries").items().stream().map(v -> v.asJsonObject()).toList();
  }
}
