package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v2.0/openapi} of the real WAR, without a token: the document the build generated, the
 * same on every server, and its examples and schemas agree with what the API does.
 */
@SameOnEveryDatabase
class OpenApiIT extends HeraldIT {

  private static final String NOTIFICATIONS =
      "/v2.0/tool/organizations/{organizationId}/notifications";

  @Test
  void theDocumentDescribesTheApiWithoutAToken() {
    var reply = systemAdmin().as(null).get("/v2.0/openapi");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    var document = reply.json();
    assertThat(document.getString("openapi")).startsWith("3.");
    assertThat(document.getJsonObject("info").getString("title")).isEqualTo("Herald");
    var paths = document.getJsonObject("paths");
    assertThat(paths.keySet())
        .contains(
            NOTIFICATIONS,
            "/v2.0/tool/organizations/{organizationId}/members",
            "/v2.0/tool/organizations/{organizationId}/tokens",
            "/api/v2/push",
            "/v2.0/webhooks/{organizationId}/{webhookId}",
            "/v2.0/health/ready",
            "/v2.0/openapi");

    var send = paths.getJsonObject(NOTIFICATIONS).getJsonObject("post");
    var body = resolve(document, send.getJsonObject("requestBody"));
    var json = body.getJsonObject("content").getJsonObject("application/json");
    assertThat(json.getJsonObject("schema").getString("$ref"))
        .isEqualTo("#/components/schemas/NotificationRequest");
    assertThat(example(json, "SLN_GRP").getString("scope")).isEqualTo("SLN_GRP");
    assertThat(
            schema(document, "NotificationRequest")
                .getJsonObject("properties")
                .getJsonObject("scope")
                .getJsonArray("enum"))
        .hasSize(4);
    assertThat(
            send.getJsonObject("responses")
                .getJsonObject("201")
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema")
                .getString("$ref"))
        .isEqualTo("#/components/schemas/NotificationResponse");

    var bearer =
        document
            .getJsonObject("components")
            .getJsonObject("securitySchemes")
            .getJsonObject("bearer");
    assertThat(bearer.getString("type")).isEqualTo("http");
    assertThat(bearer.getString("scheme")).isEqualTo("bearer");
    assertThat(send.getJsonArray("security").getJsonObject(0).keySet()).containsExactly("bearer");
    var push = paths.getJsonObject("/api/v2/push").getJsonObject("post");
    assertThat(push.getJsonArray("security")).isEmpty();
    assertThat(resolve(document, push.getJsonObject("requestBody")).getJsonObject("content"))
        .containsKeys("application/json", "application/xml");
  }

  /** The documented examples work as documented, and the answer has the documented fields. */
  @Test
  void theExamplesAreAcceptedAndTheAnswersMatchTheSchemas() {
    var document = systemAdmin().as(null).get("/v2.0/openapi").json();
    var bodies = document.getJsonObject("components").getJsonObject("requestBodies");
    var org = Organization.create(systemAdmin(), "openapi");

    var members =
        org.admin.post(
            org.path + "/members/bulk",
            exampleValue(bodies.getJsonObject("Members"), null).toString());
    assertThat(members.status()).as(members.toString()).isEqualTo(201);

    var sent =
        org.admin.post(
            org.path + "/notifications",
            example(bodies.getJsonObject("Notification"), "USR").toString());
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    var documented = schema(document, "NotificationResponse").getJsonObject("properties").keySet();
    assertThat(documented).containsAll(sent.json().keySet());
  }

  @Test
  void yamlOnRequestAndABadTokenChangesNothing() {
    var anonymous = systemAdmin().as(null);
    var byQuery = anonymous.get("/v2.0/openapi?format=yaml");
    assertThat(byQuery.status()).as(byQuery.toString()).isEqualTo(200);
    assertThat(byQuery.header("Content-Type")).startsWith("application/yaml");
    assertThat(byQuery.body()).contains("openapi: 3.");

    var byAccept =
        anonymous.send("GET", "/v2.0/openapi", null, Map.of("Accept", "application/yaml"));
    assertThat(byAccept.header("Content-Type")).startsWith("application/yaml");
    assertThat(byAccept.body()).isEqualTo(byQuery.body());

    var unknown = anonymous.get("/v2.0/openapi?format=xml");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().getString("message")).isNotBlank();

    var badToken = systemAdmin().as("hrd_pat_not-a-token").get("/v2.0/openapi");
    assertThat(badToken.status()).isEqualTo(200);
    assertThat(badToken.header("Cache-Control")).isEqualTo("no-store");
  }

  /** A request body or response, following its {@code $ref} into the components. */
  private static JsonObject resolve(JsonObject document, JsonObject object) {
    if (!object.containsKey("$ref")) {
      return object;
    }
    var parts = object.getString("$ref").substring("#/components/".length()).split("/");
    return document.getJsonObject("components").getJsonObject(parts[0]).getJsonObject(parts[1]);
  }

  private static JsonObject schema(JsonObject document, String name) {
    return document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
  }

  /**
   * The named example of a media type (or of a request body's JSON), or its single example when
   * {@code name} is null.
   */
  private static JsonValue exampleValue(JsonObject media, String name) {
    if (media.containsKey("content")) {
      media = media.getJsonObject("content").getJsonObject("application/json");
    }
    return name == null
        ? media.get("example")
        : media.getJsonObject("examples").getJsonObject(name).get("value");
  }

  private static JsonObject example(JsonObject media, String name) {
    var value = exampleValue(media, name);
    return value instanceof JsonObject object ? object : null;
  }
}
