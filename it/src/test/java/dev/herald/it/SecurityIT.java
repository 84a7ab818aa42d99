package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * System administrators are managed only by system administrators and never all revoked; the API
 * describes itself to nobody, never repeats the request's Host, is never cached, and takes a bearer
 * value exactly as sent.
 */
class SecurityIT extends HeraldIT {

  private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
  private static final String ORGANIZATIONS = "/v2.0/tool/organizations";
  private static final String DEFAULT = ORGANIZATIONS + "/default";

  // ---- system administrators

  @Test
  void anOrdinaryAdminNeitherSeesNorRevokesNorDeletesASystemAdministrator() {
    var bootstrap = bootstrapToken();
    var admin = ordinaryAdminOfDefault();

    var list = admin.get(DEFAULT + "/tokens");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(bootstrap.getString("id"));
    assertThat(list.items())
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.asJsonObject().getBoolean("systemAdmin")).isFalse());

    // Hidden, so not found: a 403 would confirm that the id exists.
    var revoke = admin.delete(DEFAULT + "/tokens/" + bootstrap.getString("id"));
    assertThat(revoke.status()).as(revoke.toString()).isEqualTo(404);
    assertThat(revoke.json().getString("message")).isEqualTo("Token not found");

    // The member is listed to an ADMIN, so hiding it would be pointless: 403, saying why.
    var holder = bootstrap.getString("memberId");
    var delete = admin.delete(DEFAULT + "/members/" + holder);
    assertThat(delete.status()).as(delete.toString()).isEqualTo(403);
    assertThat(delete.json().getString("message")).contains("system administrator");
    assertThat(systemAdmin().get(DEFAULT + "/members/" + holder).status()).isEqualTo(200);

    var issue =
        admin.post(
            DEFAULT + "/tokens",
            "{\"memberId\":" + Api.q(holder) + ",\"role\":\"ADMIN\",\"systemAdmin\":true}");
    assertThat(issue.status()).as(issue.toString()).isEqualTo(403);

    assertThat(systemAdmin().get(ORGANIZATIONS).status()).isEqualTo(200);
    assertThat(bootstrapToken().containsKey("revokedAt")).isFalse();
    assertThat(admin.get(ORGANIZATIONS).status()).isEqualTo(403);
  }

  @Test
  void aSystemAdministratorIssuesAnotherAndTheLastOneCannotBeRevoked() {
    var org = Organization.create(systemAdmin(), "sysadm");
    var ops = org.member("ops@sysadm.example");
    var before = systemAdmin().get(org.path + "/tokens").items().size();

    var wrongRole =
        systemAdmin()
            .post(
                org.path + "/tokens",
                "{\"memberId\":" + Api.q(ops) + ",\"role\":\"SENDER\",\"systemAdmin\":true}");
    assertThat(wrongRole.status()).as(wrongRole.toString()).isEqualTo(400);
    assertThat(wrongRole.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("role");

    var issued =
        systemAdmin()
            .post(
                org.path + "/tokens",
                "{\"memberId\":" + Api.q(ops) + ",\"role\":\"ADMIN\",\"systemAdmin\":true}");
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    assertThat(issued.json().getBoolean("systemAdmin")).isTrue();
    assertThat(systemAdmin().get(org.path + "/tokens").items()).hasSize(before + 1);
    var second = systemAdmin().as(issued.json().getString("token"));
    assertThat(second.get(ORGANIZATIONS).status()).isEqualTo(200);
    assertThat(second.get(DEFAULT + "/tokens").body()).contains(bootstrapToken().getString("id"));

    // The organization's own ADMIN does not see it and may not take its holder away.
    var orgAdmin = org.token(org.member("boss@sysadm.example"), "ADMIN");
    assertThat(orgAdmin.get(org.path + "/tokens").body())
        .doesNotContain(issued.json().getString("id"));
    assertThat(orgAdmin.delete(org.path + "/tokens/" + issued.json().getString("id")).status())
        .isEqualTo(404);
    assertThat(orgAdmin.delete(org.path + "/members/" + ops).status()).isEqualTo(403);
    assertThat(second.get(ORGANIZATIONS).status()).isEqualTo(200);

    // A system administrator may delete its holder while another system administrator remains.
    assertThat(second.delete(org.path + "/members/" + ops).status()).isEqualTo(204);
    assertThat(second.get(ORGANIZATIONS).status()).isEqualTo(401);

    // Now make the bootstrap token the only usable one (suites before may have left others).
    var bootstrap = bootstrapToken();
    for (var o : systemAdmin().get(ORGANIZATIONS).items()) {
      var path = ORGANIZATIONS + "/" + o.asJsonObject().getString("id") + "/tokens";
      for (var t : systemAdmin().get(path).items()) {
        var token = t.asJsonObject();
        if (token.getBoolean("systemAdmin")
            && !token.containsKey("revokedAt")
            && !token.getString("id").equals(bootstrap.getString("id"))) {
          assertThat(systemAdmin().delete(path + "/" + token.getString("id")).status())
              .isEqualTo(204);
        }
      }
    }
    var last = systemAdmin().delete(DEFAULT + "/tokens/" + bootstrap.getString("id"));
    assertThat(last.status()).as(last.toString()).isEqualTo(409);
    assertThat(last.json().getString("message"))
        .contains("last usable system administrator's token");
    var holder = systemAdmin().delete(DEFAULT + "/members/" + bootstrap.getString("memberId"));
    assertThat(holder.status()).as(holder.toString()).isEqualTo(409);
    assertThat(systemAdmin().get(ORGANIZATIONS).status()).isEqualTo(200);
    assertThat(bootstrapToken().containsKey("revokedAt")).isFalse();
  }

  @Test
  void aTokenIsNeverIssuedAlreadyExpired() {
    var org = Organization.create(systemAdmin(), "expiry");
    var member = org.member("m@expiry.example");
    for (var expiresAt : new String[] {"2020-01-01T00:00:00.000Z", "1970-01-01T00:00:00Z"}) {
      var reply =
          org.admin.post(
              org.path + "/tokens",
              "{\"memberId\":"
                  + Api.q(member)
                  + ",\"role\":\"MEMBER\",\"expiresAt\":"
                  + Api.q(expiresAt)
                  + "}");
      assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
      assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field"))
          .isEqualTo("expiresAt");
    }
    assertThat(org.admin.get(org.path + "/tokens").items()).isEmpty();
    var future =
        org.admin.post(
            org.path + "/tokens",
            "{\"memberId\":"
                + Api.q(member)
                + ",\"role\":\"MEMBER\",\"expiresAt\":\"2999-01-01T00:00:00.000Z\"}");
    assertThat(future.status()).as(future.toString()).isEqualTo(201);
  }

  // ---- hardening

  @Test
  void neitherOptionsNorWadlDescribeTheApi() {
    var anonymous = systemAdmin().as(null);
    for (var api : new Api[] {anonymous, systemAdmin()}) {
      for (var path :
          new String[] {
            "/", "/application.wadl", ORGANIZATIONS, DEFAULT + "/notifications", DEFAULT + "/tokens"
          }) {
        var reply = api.send("OPTIONS", path, null, Map.of());
        assertThat(reply.status()).as("OPTIONS " + path + " -> " + reply).isEqualTo(405);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().getString("message")).isEqualTo("Method not allowed");
        assertThat(reply.body()).doesNotContainIgnoringCase("wadl").doesNotContain("resource");
      }
    }
    for (var path : new String[] {"/application.wadl", "/application.wadl?detail=true"}) {
      var reply = anonymous.get(path);
      assertThat(reply.status()).as("GET " + path + " -> " + reply).isEqualTo(404);
      assertThat(reply.json().getString("message")).isNotBlank();
      assertThat(reply.body()).doesNotContain("<application").doesNotContain("organizations");
    }
  }

  @Test
  void locationNeverRepeatsTheHostHeader() {
    var org = Organization.create(systemAdmin(), "host");
    var answer =
        RawHttp.exchange(
            base,
            "POST "
                + org.path
                + "/members HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer "
                + BOOTSTRAP_TOKEN
                + "\r\n",
            "{\"email\":\"h@host.example\"}");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    var id = Api.parse(answer.body()).asJsonObject().getString("id");
    assertThat(answer.header("Location"))
        .doesNotContain("evil.example")
        .isEqualTo(org.path + "/members/" + id);

    var token =
        org.admin.post(
            org.path + "/tokens", "{\"memberId\":" + Api.q(id) + ",\"role\":\"MEMBER\"}");
    assertThat(token.header("Location"))
        .isEqualTo(org.path + "/tokens/" + token.json().getString("id"));
  }

  @Test
  void answersAreNeverCachedNorSniffed() {
    var org = Organization.create(systemAdmin(), "headers");
    var member = org.member("c@headers.example");
    var token =
        org.admin.post(
            org.path + "/tokens", "{\"memberId\":" + Api.q(member) + ",\"role\":\"MEMBER\"}");
    assertThat(token.status()).isEqualTo(201);
    var replies =
        new Api.Reply[] {
          token,
          org.admin.get(org.path + "/members"),
          org.admin.as(null).get(org.path + "/members"),
          org.admin.get(org.path + "/members/" + UUID.randomUUID()),
          org.admin.get("/no/such/path"),
          org.admin.send("OPTIONS", org.path + "/members", null, Map.of())
        };
    for (var reply : replies) {
      assertThat(reply.header("Cache-Control")).as(reply.toString()).isEqualTo("no-store");
      assertThat(reply.header("X-Content-Type-Options")).as(reply.toString()).isEqualTo("nosniff");
    }
  }

  @Test
  void aBearerValueIsTakenExactlyAsSent() {
    var org = Organization.create(systemAdmin(), "bearer");
    var token = org.token(org.member("b@bearer.example"), "ADMIN").token();
    var path = org.path + "/members";
    assertThat(get(path, "Bearer " + token).status()).isEqualTo(200);
    assertThat(get(path, "bEaReR " + token).status()).isEqualTo(200);
    // Spaces separate the scheme from the token (RFC 6750: 1*SP); WildFly folds spaces and tabs
    // into one, so both servers accept a run of them there.
    assertThat(get(path, "Bearer  " + token).status()).isEqualTo(200);
    assertThat(get(path, "Bearer \t" + token).status()).isEqualTo(200);
    // Values that reach Herald: HTAB is legal inside a header value, and used to be trimmed away.
    var refused =
        new String[] {
          "Bearer " + token + "\t x",
          "Bearer " + token + "a".repeat(600),
          "Bearer " + "a".repeat(513),
          "Bearer" + token,
          "Basic " + token,
          token
        };
    var wrong = new java.util.ArrayList<String>();
    for (var header : refused) {
      var answer = get(path, header);
      if (answer.status() != 401 || !answer.body().equals(UNAUTHORIZED)) {
        wrong.add(escape(header) + " -> " + answer);
      }
    }
    // Other control characters, non-ASCII bytes and over-long values reach Herald too (ADR 0009)
    // and get the same 401.
    for (var bad :
        new String[] {"\u0000", "\u0001", "\u000b", "\u001f", "\u007f", "\u00c3\u00a9"}) {
      for (var header : new String[] {"Bearer " + token + bad, "Bearer " + bad + token}) {
        var answer = get(path, header);
        if (answer.status() != 401 || !answer.body().equals(UNAUTHORIZED)) {
          wrong.add(escape(header) + " -> " + answer);
        }
      }
    }
    for (var length : new int[] {600, 9_000, 60_000}) {
      var answer = get(path, "Bearer " + "a".repeat(length));
      if (answer.status() != 401 || !answer.body().equals(UNAUTHORIZED)) {
        wrong.add("a bearer of " + length + " characters -> " + answer.status());
      }
    }
    assertThat(wrong).isEmpty();
  }

  // ---- helpers

  private RawHttp.Answer get(String path, String authorization) {
    return RawHttp.exchange(
        base,
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + base.getHost()
            + ":"
            + base.getPort()
            + "\r\nAuthorization: "
            + authorization
            + "\r\n",
        null);
  }

  private static String escape(String text) {
    var out = new StringBuilder();
    for (var c : text.toCharArray()) {
      out.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.length() > 80 ? out.substring(0, 80) + "…" : out.toString();
  }

  /** The bootstrap token's metadata, as a system administrator sees it. */
  private JsonObject bootstrapToken() {
    var tokens = systemAdmin().get(DEFAULT + "/tokens");
    assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
    return tokens.items().stream()
        .map(t -> t.asJsonObject())
        .filter(t -> t.getBoolean("systemAdmin") && !t.containsKey("revokedAt"))
        .filter(t -> t.getString("prefix").equals(BOOTSTRAP_TOKEN.substring(0, 4)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No bootstrap token in " + tokens));
  }

  /** A new member of the bootstrap organization with an ordinary ADMIN token. */
  private Api ordinaryAdminOfDefault() {
    var email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@default.example";
    var member = systemAdmin().post(DEFAULT + "/members", "{\"email\":" + Api.q(email) + "}");
    assertThat(member.status()).as(member.toString()).isEqualTo(201);
    var token =
        systemAdmin()
            .post(
                DEFAULT + "/tokens",
                "{\"memberId\":" + Api.q(member.json().getString("id")) + ",\"role\":\"ADMIN\"}");
    assertThat(token.status()).as(token.toString()).isEqualTo(201);
    return systemAdmin().as(token.json().getString("token"));
  }
}
