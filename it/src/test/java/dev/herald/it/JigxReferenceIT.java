package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request bodies printed in the Jigx documents (reference/jigx-*.txt), placeholders filled in,
 * are accepted as printed, and the answer has the documented shape.
 */
class JigxReferenceIT extends HeraldIT {

  private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  private Organization org;
  private Api sender;
  private String solution;

  @BeforeEach
  void setUp() {
    org = Organization.create(systemAdmin(), "jigx");
    var jane = org.member("jane@example.com");
    solution = org.solution("promotions");
    org.group(solution, "customers", jane);
    sender = org.token(org.member("sender@example.com"), "SENDER");
  }

  /** "Target a specific jig with inputs", with the stray '/' before the brace removed. */
  @Test
  void targetAJigWithInputs() {
    var body =
        """
        {
          "content": {
            "title": "🎉 New product promotion",
            "text": "Check it out now",
            "jigId": "view-promotion-details",
            "screen":"jig",
            "inputs": {
              "promo-code": "x-3654",
              "name": "20% on all Winter stock",
              "price": 34
            }
          },
          "scope": "SLN_GRP",
          "groups": [
            "customers"
          ],
          "solutionId": "{{solutionId}}"
        }
        """
            .replace("{{solutionId}}", solution);
    var reply = sender.post(org.path + "/notifications", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    var json = reply.json();
    assertThat(json.getJsonObject("content").getString("title"))
        .isEqualTo("🎉 New product promotion");
    assertThat(json.getJsonObject("content").getJsonObject("inputs").getInt("price")).isEqualTo(34);
    assertThat(json.getString("scope")).isEqualTo("SLN_GRP");
  }

  /** The body the "send-notification" REST function's inputTransform builds. */
  @Test
  void theFunctionsInputTransform() {
    var body =
        """
        {
            "content": {
              "title":"Leave request",
              "text":"Your leave was approved",
              "jigId":"notification-form",
              "screen":"jig"
            },
            "scope":"USR",
            "emails":["jane@example.com"],
            "description": "description",
            "solutionId": "{{solutionId}}"
          }
        """
            .replace("{{solutionId}}", solution);
    var reply = sender.post(org.path + "/notifications", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.json().getJsonArray("emails").getString(0)).isEqualTo("jane@example.com");
  }

  /** The function's parameters sent flat, with the extra deviceId and command it declares. */
  @Test
  void theFunctionsFlatParameters() {
    var body =
        """
        {"solutionId": "{{solutionId}}", "jigId": "notification-form", "deviceId": "jig",
         "command": "createNotification", "scope": "USR", "emails": "jane@example.com",
         "title": "Leave request", "text": "Your leave was approved"}
        """
            .replace("{{solutionId}}", solution);
    var reply = sender.post(org.path + "/notifications", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.json().getJsonObject("content").getString("jigId"))
        .isEqualTo("notification-form");
  }

  @Test
  void theAnswerHasTheDocumentedFieldsInTheDocumentedOrder() {
    var reply =
        sender.post(
            org.path + "/notifications",
            "{\"content\":{\"title\":\"Update your app\",\"text\":\"We released a new version of the app\"},\"scope\":\"ORG\"}");
    assertThat(reply.status()).isEqualTo(201);
    var json = reply.json();
    assertThat(List.copyOf(json.keySet()))
        .containsExactly(
            "organizationId",
            "region",
            "notificationId",
            "scope",
            "state",
            "startAt",
            "content",
            "createdAt",
            "createdBy",
            "updatedAt",
            "updatedBy");
    assertThat(List.copyOf(json.getJsonObject("content").keySet()))
        .containsExactly("text", "title", "screen", "inputs");
    assertThat(json.getString("organizationId")).isEqualTo(org.id);
    assertThat(json.getString("region")).isEqualTo("test-region");
    assertThat(json.getString("state")).isEqualTo("QUEUED");
    assertThat(json.getJsonObject("content").getString("screen")).isEqualTo("jig");
    assertThat(json.getJsonObject("content").getJsonObject("inputs")).isEmpty();
    for (var field : List.of("startAt", "createdAt", "updatedAt")) {
      assertThat(json.getString(field)).matches(TIMESTAMP);
    }
    assertThat(reply.header("Location"))
        .endsWith(org.path + "/notifications/" + json.getString("notificationId"));
    assertThat(reply.body()).startsWith("{\"organizationId\":");
  }
}
