package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The health endpoints of the real WAR, without a token, as a load balancer calls them. */
class HealthIT extends HeraldIT {

  @Test
  void aRunningNodeIsAlive() {
    var reply = systemAdmin().as(null).get("/v2.0/health/live");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().getString("status")).isEqualTo("UP");
    assertThat(statuses(reply.json())).containsExactly(Map.entry("node", "UP"));
  }

  @Test
  void aRunningNodeIsReadyAndSaysWhatItChecked() {
    var reply = systemAdmin().as(null).get("/v2.0/health/ready");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    var body = reply.json();
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(statuses(body))
        .containsExactly(
            Map.entry("database", "UP"),
            Map.entry("background", "UP"),
            Map.entry("providers", "UP"));
    var details = details(body);
    assertThat(details.get("database")).matches("schema version \\d+");
    assertThat(details.get("background")).isEqualTo("running");
    // The suites configure every bundled provider against local servers (arquillian.xml).
    assertThat(details.get("providers"))
        .startsWith("android, email, inapp, ios")
        .contains(" live")
        .doesNotContain("off");
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void onlyGetAndHeadAreAnswered() {
    var anonymous = systemAdmin().as(null);
    assertThat(anonymous.send("HEAD", "/v2.0/health/ready", null, Map.of()).status())
        .isEqualTo(200);
    var post = anonymous.post("/v2.0/health/ready", "{}");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.json().getString("message")).isNotBlank();
    assertThat(anonymous.get("/v2.0/health/other").status()).isEqualTo(404);
  }

  @Test
  void theServersOwnMicroProfileHealthHasHeraldsChecksWhereTheServerHasIt() {
    // WildFly's default profile, which the suites use, has no MicroProfile Health: CDI leaves
    // Herald's checks out there, and the deployment (every other suite) is the proof.
    Assumptions.assumeFalse(
        "wildfly".equals(System.getProperty("arquillian.launch")),
        "WildFly's default profile has no MicroProfile Health");
    var anonymous = systemAdmin().as(null);

    for (var probe : List.of("/health/ready", "/health/live")) {
      var reply = anonymous.get(probe);
      assertThat(reply.status()).as(probe + ": " + reply).isEqualTo(200);
      var herald =
          reply.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
              .filter(c -> c.getString("name").equals("herald"))
              .toList();
      assertThat(herald).as(probe + ": " + reply).hasSize(1);
      assertThat(herald.get(0).getString("status")).isEqualTo("UP");
    }
    var ready = anonymous.get("/health/ready").json().getJsonArray("checks");
    var data =
        ready.getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("herald"))
            .findFirst()
            .orElseThrow()
            .getJsonObject("data");
    assertThat(data.getString("database")).matches("UP: schema version \\d+");
    assertThat(data.getString("background")).isEqualTo("UP: running");
  }

  private static Map<String, String> statuses(JsonObject body) {
    return byName(body, "status");
  }

  private static Map<String, String> details(JsonObject body) {
    return byName(body, "detail");
  }

  /** One field of each check, by the check's name, in the answer's order. */
  private static Map<String, String> byName(JsonObject body, String field) {
    var result = new LinkedHashMap<String, String>();
    body.getJsonArray("checks")
        .getValuesAs(JsonObject.class)
        .forEach(c -> result.put(c.getString("name"), c.getString(field)));
    return result;
  }
}
