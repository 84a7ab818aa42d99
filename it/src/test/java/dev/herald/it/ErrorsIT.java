package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad request gets a clear 4xx in the one error shape, and changes nothing. */
class ErrorsIT extends HeraldIT {

  private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
  private static final String VALID =
      "{\"content\":{\"title\":\"t\",\"text\":\"x\"},\"scope\":\"ORG\"}";

  private Organization org;
  private String memberId;

  @BeforeEach
  void setUp() {
    org = Organization.create(systemAdmin(), "errors");
    memberId = org.member("m@example.com");
  }

  @Test
  void everyKindOfBadTokenGetsTheSame401() {
    var api = systemAdmin();
    var path = org.path + "/notifications";
    assertThat(api.as(null).get(path).body()).isEqualTo(UNAUTHORIZED);
    assertThat(api.as(null).send("GET", path, null, Map.of("Authorization", "Basic abc")).body())
        .isEqualTo(UNAUTHORIZED);
    assertThat(api.as(null).send("GET", path, null, Map.of("Authorization", "Bearer")).body())
        .isEqualTo(UNAUTHORIZED);
    assertThat(api.as("hrd_pat_unknown").get(path).body()).isEqualTo(UNAUTHORIZED);
    assertThat(api.as("hrd_pat_unknown").get(path).status()).isEqualTo(401);

    var revoked =
        org.admin
            .post(org.path + "/tokens", "{\"memberId\":\"" + memberId + "\",\"role\":\"ADMIN\"}")
            .json();
    assertThat(api.as(revoked.getString("token")).get(path).status()).isEqualTo(200);
    assertThat(org.admin.delete(org.path + "/tokens/" + revoked.getString("id")).status())
        .isEqualTo(204);
    assertThat(api.as(revoked.getString("token")).get(path).body()).isEqualTo(UNAUTHORIZED);

    var expiresAt = Instant.now().plusSeconds(1).toString();
    var expiring =
        org.admin
            .post(
                org.path + "/tokens",
                "{\"memberId\":\""
                    + memberId
                    + "\",\"role\":\"ADMIN\",\"expiresAt\":\""
                    + expiresAt
                    + "\"}")
            .json()
            .getString("token");
    Eventually.await(
        "the token to expire",
        java.time.Duration.ofSeconds(5),
        () -> api.as(expiring).get(path),
        r -> r.status() == 401);
    assertThat(api.as(expiring).get(path).body()).isEqualTo(UNAUTHORIZED);
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    var reply =
        systemAdmin()
            .as(null)
            .send(
                "GET",
                org.path + "/notifications",
                null,
                Map.of("Authorization", "BEARER " + BOOTSTRAP_TOKEN));
    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void aRoleThatMayNotDoSomethingGets403() {
    var member = org.token(memberId, "MEMBER");
    var sender = org.token(org.member("s@example.com"), "SENDER");
    assertThat(member.post(org.path + "/notifications", VALID).status()).isEqualTo(403);
    assertThat(member.get(org.path + "/members").status()).isEqualTo(403);
    assertThat(sender.get(org.path + "/members").status()).isEqualTo(403);
    assertThat(sender.post(org.path + "/tokens", "{}").status()).isEqualTo(403);
    assertThat(sender.get(org.path + "/members").json().getString("message")).contains("SENDER");
    assertThat(org.token(memberId, "ADMIN").get("/v2.0/tool/organizations").status())
        .isEqualTo(403);
  }

  @Test
  void malformedBodiesAre400() {
    var api = org.admin;
    var path = org.path + "/notifications";
    for (var body :
        new String[] {"{", "not json", "[]", "", "{\"content\": 5, \"scope\": \"ORG\"}"}) {
      var reply = api.post(path, body);
      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.json().getString("message")).isNotBlank();
    }
    assertThat(api.post(org.path + "/members", "{\"email\": 5}").status()).isEqualTo(400);
    assertThat(api.post(org.path + "/members/bulk", "{}").status()).isEqualTo(400);
    assertNothingQueued();
  }

  @Test
  void validationNamesTheFields() {
    var reply = org.admin.post(org.path + "/notifications", "{\"scope\":\"SLN_GRP\"}");
    assertThat(reply.status()).isEqualTo(400);
    var fields =
        reply.json().getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .toList();
    assertThat(fields).containsExactly("title", "text", "solutionId", "groups");
    var tooLong =
        org.admin.post(
            org.path + "/notifications",
            "{\"title\":\"" + "t".repeat(501) + "\",\"text\":\"x\",\"scope\":\"ORG\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().getString("message")).contains("title");
    assertNothingQueued();
  }

  @Test
  void unknownRecipientsAreNamedAndNothingIsQueued() {
    var emails =
        org.admin.post(
            org.path + "/notifications",
            "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"USR\",\"emails\":[\"m@example.com\",\"ghost@example.com\"]}");
    assertThat(emails.status()).isEqualTo(400);
    assertThat(emails.json().getString("message"))
        .contains("ghost@example.com")
        .doesNotContain("m@example.com");
    // one recipient takes a query of its own (MemberService.idsByEmail)
    var oneGhost =
        org.admin.post(
            org.path + "/notifications",
            "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"USR\",\"emails\":[\"Ghost@Example.com\"]}");
    assertThat(oneGhost.status()).isEqualTo(400);
    assertThat(oneGhost.json().getString("message")).contains("Ghost@Example.com");
    var solution =
        org.admin.post(
            org.path + "/notifications",
            "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"SLN\",\"solutionId\":\"00000000-0000-0000-0000-000000000001\"}");
    assertThat(solution.status()).isEqualTo(400);
    assertThat(solution.json().getString("message"))
        .contains("00000000-0000-0000-0000-000000000001");
    var solutionId = org.solution("s");
    org.group(solutionId, "real");
    var groups =
        org.admin.post(
            org.path + "/notifications",
            "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"SLN_GRP\",\"solutionId\":\""
                + solutionId
                + "\",\"groups\":[\"real\",\"imaginary\"]}");
    assertThat(groups.status()).isEqualTo(400);
    assertThat(groups.json().getString("message")).contains("imaginary").doesNotContain("real,");
    assertNothingQueued();
  }

  @Test
  void unknownChannelsAreNamedAndAProvidersChannelIsKnown() {
    var unknown =
        org.admin.post(
            org.path + "/notifications",
            "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"ORG\",\"channels\":[\"inapp\",\"sms\"]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().getString("message")).contains("sms").contains("webhook");
    assertNothingQueued();
    var known =
        org.admin.post(
            org.path + "/notifications",
            "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"ORG\",\"channels\":[\"webhook\"]}");
    assertThat(known.status()).isEqualTo(201);
  }

  @Test
  void conflictsAre409() {
    var duplicate = org.admin.post(org.path + "/members", "{\"email\":\"M@Example.com\"}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().getString("message")).contains("m@example.com");
  }

  @Test
  void unknownThingsAre404() {
    assertThat(org.admin.get(org.path + "/notifications/not-a-uuid").status()).isEqualTo(404);
    assertThat(
            org.admin
                .get(org.path + "/notifications/00000000-0000-0000-0000-000000000001")
                .status())
        .isEqualTo(404);
    assertThat(
            org.admin
                .get(org.path + "/members/00000000-0000-0000-0000-000000000001")
                .json()
                .getString("message"))
        .isEqualTo("Member not found");
    assertThat(systemAdmin().get("/v2.0/tool/organizations/no-such-org/members").status())
        .isEqualTo(404);
  }

  @Test
  void bodiesOver256KiBAre413() {
    var huge = "{\"title\":\"" + "x".repeat(300 * 1024) + "\"}";
    var reply = org.admin.post(org.path + "/notifications", huge);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().getString("message")).isNotBlank();
  }

  private void assertNothingQueued() {
    assertThat(org.admin.get(org.path + "/notifications").items()).isEmpty();
  }
}
