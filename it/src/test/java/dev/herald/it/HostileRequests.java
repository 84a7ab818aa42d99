package dev.herald.it;

import dev.herald.it.ApiMethods.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes malformed and hostile requests for every resource method: wrong types, nulls, huge and deep
 * bodies, invalid UTF-8, control characters, absurd numbers and dates, bad cursors and limits, path
 * tricks, wrong methods and content types, the other tenant's ids, every role.
 */
final class HostileRequests {

  /**
   * One request to send.
   *
   * @param family what kind of attack, for the summary
   * @param caller whose token it carries: ADMIN, SENDER, MEMBER (of the attacking organization),
   *     NONE or BAD
   * @param containerAnswers whether the server's HTTP layer refuses it before the WAR sees it (an
   *     empty 400, see the README); only "no 5xx" is asserted then
   */
  record Attack(
      String family,
      String caller,
      String method,
      String target,
      Endpoint endpoint,
      Map<String, byte[]> headers,
      byte[] body,
      Integer declaredLength,
      boolean containerAnswers) {

    String describe() {
      var shown = target.length() > 160 ? target.substring(0, 160) + "…" : target;
      var bodyText =
          body == null
              ? ""
              : " body="
                  + new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8)
                  + (body.length > 120 ? "…(" + body.length + " bytes)" : "");
      return family + " " + caller + " " + method + " " + shown + bodyText;
    }
  }

  /** The ids and names of one organization's fixtures, by path parameter name. */
  record Tenant(
      String organizationId,
      Map<String, String> ids,
      Map<String, String> tokens,
      String recipientEmail,
      String memberId,
      int companyId,
      String integrationKey) {

    String id(String param) {
      return param.equals("organizationId")
          ? organizationId
          : ids.getOrDefault(param, UUID.randomUUID().toString());
    }
  }

  /** Field names the API's bodies use; each is attacked on every body endpoint. */
  static final List<String> FIELDS =
      List.of(
          "content",
          "title",
          "text",
          "jigId",
          "screen",
          "inputs",
          "scope",
          "emails",
          "groups",
          "solutionId",
          "description",
          "startAt",
          "channels",
          "ttlSeconds",
          "sound",
          "badge",
          "email",
          "name",
          "externalId",
          "memberId",
          "role",
          "expiresAt",
          "platform",
          "token",
          "id");

  /** The Push API's path: its credentials are in the body, its errors ServiceStack's. */
  static final String PUSH_API = "/api/v2/push";

  /** The health checks' paths, which take no token. */
  static final String HEALTH = "/v2.0/health/";

  /** The OpenAPI document's path, which takes no token either. */
  static final String OPENAPI = "/v2.0/openapi";

  /** The metrics' path, which takes no token either (scrapers call it). */
  static final String METRICS = "/v2.0/metrics";

  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "FOO");

  private final Tenant attacker;
  private final Tenant victim;
  private final AtomicInteger unique = new AtomicInteger();
  private final List<Attack> attacks = new ArrayList<>();
  private String signingWebhookId;
  private byte[] signingKey;

  HostileRequests(Tenant attacker, Tenant victim) {
    this.attacker = attacker;
    this.victim = victim;
  }

  List<Attack> all(List<Endpoint> endpoints) {
    var templates = new LinkedHashMap<String, List<Endpoint>>();
    endpoints.forEach(e -> templates.computeIfAbsent(e.template(), t -> new ArrayList<>()).add(e));
    for (var endpoint : endpoints) {
      if (endpoint.eventStream()) {
        // a stream that opens never ends: only what must be refused, and HEAD (below)
        refusedOnly(endpoint);
        continue;
      }
      roles(endpoint);
      pathTricks(endpoint);
      queries(endpoint);
      headers(endpoint);
      if (endpoint.takesBody()) {
        bodies(endpoint);
        fields(endpoint);
      }
      if (endpoint.template().equals(PUSH_API)) {
        pushApiJson(endpoint);
        pushApiXml(endpoint);
      }
      signedBodies(endpoint);
    }
    templates.forEach(this::wrongMethods);
    return attacks;
  }

  /** Every role, no token and bad tokens, on the attacker's and on the victim's organization. */
  private void roles(Endpoint e) {
    var callers = new LinkedHashMap<String, byte[]>();
    attacker.tokens().forEach((role, token) -> callers.put(role, bearer(token)));
    callers.put("NONE", null);
    callers.put("BAD", bearer("hrd_pat_" + "0".repeat(40)));
    callers.put("BAD-SCHEME", ascii("Basic " + attacker.tokens().get("ADMIN")));
    callers.put("LONG-7000", bearer("a".repeat(7_000)));
    for (var caller : callers.entrySet()) {
      var own = path(e, attacker, safeIds(e));
      var foreign = path(e, victim, true);
      for (var target : List.of(own, foreign)) {
        var headers = json(caller.getValue());
        add(
            "role",
            caller.getKey(),
            e.method(),
            target,
            e,
            headers,
            e.takesBody() ? validBody() : null);
      }
    }
    // Past the servers' default header checks (8 KiB on Grizzly; control and non-ASCII bytes):
    // Herald's Payara configuration lets them through (ADR 0009), so Herald answers the 401.
    add(
        "token-too-long",
        "BAD",
        e.method(),
        path(e, attacker, true),
        e,
        json(bearer("a".repeat(30_000))),
        null);
    var nonAscii = ("Bearer " + attacker.tokens().get("ADMIN")).getBytes(StandardCharsets.UTF_8);
    var withAccent = java.util.Arrays.copyOf(nonAscii, nonAscii.length + 2);
    withAccent[nonAscii.length] = (byte) 0xc3;
    withAccent[nonAscii.length + 1] = (byte) 0xa9;
    add("token-non-ascii", "BAD", e.method(), path(e, attacker, true), e, json(withAccent), null);
    var withControl = java.util.Arrays.copyOf(nonAscii, nonAscii.length + 1);
    withControl[nonAscii.length] = 0x01;
    add("token-control", "BAD", e.method(), path(e, attacker, true), e, json(withControl), null);
  }

  /** Requests to a stream that must be refused: bad tokens, the other organization. */
  private void refusedOnly(Endpoint e) {
    for (var caller : List.of("NONE", "BAD")) {
      var token = caller.equals("NONE") ? null : bearer("hrd_pat_" + "0".repeat(40));
      add("role", caller, e.method(), path(e, attacker, false), e, json(token), null);
    }
    for (var role : attacker.tokens().keySet()) {
      add(
          "role",
          role,
          e.method(),
          path(e, victim, false),
          e,
          json(bearer(attacker.tokens().get(role))),
          null);
    }
  }

  /** Each path parameter replaced by a hostile value, the others the attacker's own. */
  private void pathTricks(Endpoint e) {
    for (var param : e.pathParams()) {
      var values =
          new ArrayList<String>(
              List.of(
                  "not-a-uuid",
                  UUID.randomUUID().toString(),
                  "00000000-0000-0000-0000-000000000000",
                  "x".repeat(3_000),
                  "%F0%9F%98%80",
                  "%20",
                  "a;b=c",
                  "%22%3Cscript%3E",
                  "-1",
                  "99999999999999999999",
                  "%E2%80%AE",
                  enc(victim.id(param))));
      for (var value : values) {
        add(
            "path",
            "ADMIN",
            e.method(),
            path(e, attacker, safeIds(e), param, value),
            e,
            json(admin()),
            e.takesBody() ? validBody() : null);
      }
      for (var value : List.of("%00", "%ff", "%2e%2e", "..%2F..%2F")) {
        add(
            "path-undecodable",
            "ADMIN",
            e.method(),
            path(e, attacker, true, param, value),
            e,
            json(admin()),
            null,
            null,
            true);
      }
    }
  }

  /** Bad limits and cursors on every method, and each declared query parameter attacked. */
  private void queries(Endpoint e) {
    var params = new java.util.LinkedHashSet<String>(e.queryParams());
    params.add("limit");
    params.add("cursor");
    List<String> values =
        List.of(
            "-1",
            "0",
            "501",
            "99999999999999999999",
            "abc",
            "",
            "%00",
            "%ff",
            "x".repeat(5_000),
            "eAp5",
            cursor("x", "y"),
            cursor("2026-01-01T00:00:00Z", victim.memberId()),
            cursor("+999999999-12-31T23:59:59Z", UUID.randomUUID().toString()),
            cursor("x\u0000y"),
            cursor("-44"),
            cursor("99999999999999999999"),
            cursor(victim.recipientEmail()),
            "%2B%2F%3D%3D",
            "1e9",
            "true",
            enc(victim.memberId()));
    var base = path(e, attacker, safeIds(e));
    if (!e.method().equals("GET") || e.queryParams().isEmpty()) {
      values = List.of("-1", "eAp5", "%00", "%ff");
    }
    for (var param : params) {
      for (var value : values) {
        add(
            "query",
            "ADMIN",
            e.method(),
            base + "?" + param + "=" + value,
            e,
            json(admin()),
            e.takesBody() ? validBody() : null);
      }
    }
  }

  /** Content types, charsets and Accept headers that are wrong, unknown or malformed. */
  private void headers(Endpoint e) {
    var base = path(e, attacker, safeIds(e));
    var body = e.takesBody() ? validBody() : null;
    var types =
        List.of(
            "text/plain",
            "application/xml",
            "application/json; charset=nope",
            ";;;/",
            "application/json; charset=utf-16",
            "application/json; charset=\"\"",
            "*/*",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x");
    for (var type : e.takesBody() ? types : types.subList(2, 4)) {
      var headers = json(admin());
      headers.put("Content-Type", ascii(type));
      add("content-type", "ADMIN", e.method(), base, e, headers, fresh(body));
    }
    for (var accept :
        List.of(
            "text/html",
            "application/xml",
            ";;;/",
            "text/event-stream",
            "*/*; q=abc",
            "image/png")) {
      var headers = json(admin());
      headers.put("Accept", ascii(accept));
      add("accept", "ADMIN", e.method(), base, e, headers, fresh(body));
    }
    for (var header :
        List.of(
            "Idempotency-Key: " + "k".repeat(300),
            "Last-Event-ID: abc",
            "Last-Event-ID: -1",
            "Last-Event-ID: 99999999999999999999",
            "Accept-Language: ;;;",
            "Content-Encoding: gzip",
            "X-HTTP-Method-Override: DELETE")) {
      var headers = json(admin());
      var colon = header.indexOf(':');
      headers.put(header.substring(0, colon), ascii(header.substring(colon + 2)));
      add("header", "ADMIN", e.method(), base, e, headers, fresh(body));
    }
    // Control characters in any other header are a 400 from Herald; non-ASCII bytes (obs-text) are
    // allowed by RFC 9110 and simply not understood.
    for (var value :
        List.of(
            new byte[] {'k', 0x01, 'k'},
            new byte[] {'k', 0x7f},
            new byte[] {'k', '\r', 'k'},
            new byte[] {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9})) {
      for (var name : List.of("Idempotency-Key", "X-Note")) {
        var headers = json(admin());
        headers.put(name, value);
        add("header-bytes", "ADMIN", e.method(), base, e, headers, fresh(body));
      }
    }
    // The HTTP layer answers an expectation it does not know with an empty 417 (see the README).
    var expect = json(admin());
    expect.put("Expect", ascii("100-continue-please"));
    add("header-expect", "ADMIN", e.method(), base, e, expect, fresh(body), null, true);
  }

  /**
   * Signs the attacks on the inbound webhook receiver with this webhook of the attacker's (its
   * {@code whsec_} secret), so that they get past the signature and reach the body's checks.
   */
  HostileRequests signingWith(String webhookId, String secret) {
    signingWebhookId = webhookId;
    signingKey = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    return this;
  }

  /**
   * Hostile bodies and headers correctly signed per Standard Webhooks for the receiver (unsigned,
   * every attack on it is the same 401). Signed now: the run must start within the 5 minutes'
   * tolerance, or these become plain 401s too.
   */
  private void signedBodies(Endpoint e) {
    if (signingKey == null || !e.template().startsWith("/v2.0/webhooks/")) {
      return;
    }
    var target = "/v2.0/webhooks/" + enc(attacker.organizationId()) + "/" + signingWebhookId;
    var bodies = new ArrayList<byte[]>();
    for (var text :
        List.of(
            "",
            "{",
            "[]",
            "null",
            "{\"a\":}",
            "[".repeat(2_000),
            "{\"n\":" + "9".repeat(2_000) + "}",
            "{\"s\":\"\\ud800\"}",
            "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"ORG\",\"startAt\":\"+999999999-12-31T23:59:59Z\"}",
            validText())) {
      bodies.add(text.getBytes(StandardCharsets.UTF_8));
    }
    bodies.add(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xff, '"', '}'});
    for (var field : FIELDS) {
      for (var value : List.of("[null]", q("x".repeat(70_000)), "\"\\u0000\"")) {
        var text = "{" + validFields(field) + q(field) + ":" + value + "}";
        bodies.add(text.getBytes(StandardCharsets.UTF_8));
      }
    }
    var types = List.of("application/json", "text/plain", "application/json; charset=utf-16");
    var n = 0;
    for (var body : bodies) {
      var headers = signed("hostile-" + unique.incrementAndGet(), body);
      headers.put("Content-Type", ascii(types.get(n++ % types.size())));
      add("webhook-signed", "WEBHOOK", e.method(), target, e, headers, body);
    }
    var longId = signed("i".repeat(300), validBody());
    add("webhook-signed", "WEBHOOK", e.method(), target, e, longId, validBody());
  }

  /** The Standard Webhooks headers of a body signed now with the signing webhook's key. */
  private Map<String, byte[]> signed(String id, byte[] body) {
    var timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
    try {
      var mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(signingKey, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      var signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
      var headers = json(null);
      headers.put("webhook-id", ascii(id));
      headers.put("webhook-timestamp", ascii(timestamp));
      headers.put("webhook-signature", ascii(signature));
      return headers;
    } catch (java.security.GeneralSecurityException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Bodies that are not what any endpoint wants. */
  private void bodies(Endpoint e) {
    var base = path(e, attacker, safeIds(e));
    var texts = new ArrayList<byte[]>();
    for (var text :
        List.of(
            "",
            " ",
            "{",
            "}",
            "[]",
            "null",
            "5",
            "\"x\"",
            "true",
            "{\"a\":}",
            "not json",
            "{'a':1}",
            "{\"a\":1,\"a\":2}",
            "\ufeff{}",
            "[".repeat(2_000),
            "{\"a\":".repeat(2_000),
            "[".repeat(65) + "]".repeat(65),
            "{\"n\":" + "9".repeat(2_000) + "}",
            "{\"n\":1e999999999}",
            "{\"n\":-1e-999999999}",
            "{\"s\":\"\\ud800\"}",
            "{\"s\":\"a\u0001b\"}",
            "[" + "{},".repeat(10_001) + "{}]",
            "{\"s\":\"" + "x".repeat(200_000) + "\"}",
            "[" + validText() + "]")) {
      texts.add(text.getBytes(StandardCharsets.UTF_8));
    }
    texts.add(
        new byte[] {
          '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'
        });
    texts.add(
        new byte[] {
          '{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'
        });
    texts.add(new byte[300 * 1024]);
    for (var body : texts) {
      add("body", "ADMIN", e.method(), base, e, json(admin()), body);
    }
    for (var role : List.of("SENDER", "MEMBER")) {
      add(
          "body",
          role,
          e.method(),
          base,
          e,
          json(bearer(attacker.tokens().get(role))),
          "[".repeat(2_000).getBytes(StandardCharsets.UTF_8));
    }
    // A body that never completes: the server's read timeout must end in a 4xx, not a 500. Once
    // per run, on the first endpoint of an organization: each takes the whole read timeout.
    if (attacks.stream().anyMatch(a -> a.family().equals("body-incomplete"))
        || !e.template().contains("{organizationId}")) {
      return;
    }
    add(
        "body-incomplete",
        "ADMIN",
        e.method(),
        base,
        e,
        json(admin()),
        "{\"name\":\"x".getBytes(StandardCharsets.UTF_8),
        100,
        false);
  }

  /** A valid body with one field replaced by a hostile value, as an object and in an array. */
  private void fields(Endpoint e) {
    var base = path(e, attacker, safeIds(e));
    var values =
        List.of(
            "null",
            "5",
            "-1",
            "2147483648",
            "1e400",
            "1.5",
            "true",
            "[]",
            "{}",
            "[null]",
            "\"\"",
            "\" \"",
            "\"\\u0000\"",
            "\"\\u0001\\u001f\"",
            q("x".repeat(70_000)),
            q("x".repeat(1_001)),
            q("\uD83D\uDE00".repeat(600)),
            q("-0044-01-01T00:00:00Z"),
            q("+999999999-12-31T23:59:59Z"),
            q("2026-02-30T25:61:00Z"),
            q("1969-12-31T23:59:59Z"),
            q("not-a-uuid"),
            q(victim.memberId()),
            q(victim.id("solutionId")),
            "[" + q(victim.recipientEmail()) + "]",
            q(victim.recipientEmail()),
            "{\"k\":" + q("x".repeat(70_000)) + "}",
            "\"{\\\"a\\\":\"",
            "[" + "\"a@b\",".repeat(20_000) + "\"a@b\"]");
    for (int f = 0; f < FIELDS.size(); f++) {
      var field = FIELDS.get(f);
      for (int v = f % 5; v < values.size(); v += 5) {
        var value = values.get(v);
        var text = "{" + validFields(field) + q(field) + ":" + value + "}";
        add(
            "field",
            "ADMIN",
            e.method(),
            base,
            e,
            json(admin()),
            text.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * Push API requests with the attacker's credentials aimed at the victim's users and company, and
   * each field with a value of the wrong kind. They must fail with nothing sent.
   */
  private void pushApiJson(Endpoint e) {
    var own =
        "\"CompanyId\":"
            + attacker.companyId()
            + ",\"IntegrationKey\":"
            + q(attacker.integrationKey());
    var user = "\"UserEmail\":" + q(attacker.recipientEmail()) + ",";
    var bodies =
        List.of(
            "{\"UserId\":" + q(victim.memberId()) + ",\"Body\":\"x\"," + own + "}",
            "{\"UserEmail\":" + q(victim.recipientEmail()) + ",\"Body\":\"x\"," + own + "}",
            "{\"UserExternalId\":" + q(victim.memberId()) + ",\"Body\":\"x\"," + own + "}",
            "{"
                + user
                + "\"Body\":\"x\",\"CompanyId\":"
                + victim.companyId()
                + ",\"IntegrationKey\":"
                + q(attacker.integrationKey())
                + "}",
            "{"
                + user
                + "\"Body\":\"x\",\"CompanyId\":"
                + attacker.companyId()
                + ",\"IntegrationKey\":"
                + q("k".repeat(600))
                + "}",
            "{" + user + "\"ExpirySecs\":99999999999,\"Body\":\"x\"," + own + "}",
            "{" + user + "\"ExpirySecs\":-5,\"Body\":\"x\"," + own + "}",
            "{" + user + "\"ExpirySecs\":1.5,\"Body\":\"x\"," + own + "}",
            "{" + user + "\"Sound\":\"maybe\",\"Body\":\"x\"," + own + "}",
            "{" + user + "\"Body\":\"x\",\"CompanyId\":\"abc\",\"IntegrationKey\":\"k\"}",
            "{" + user + "\"Title\":{\"a\":1},\"Body\":[1]," + own + "}",
            "{" + user + "\"Body\":" + q("x".repeat(5_000)) + "," + own + "}",
            "{" + user + "\"Title\":" + q("\u0000") + ",\"Body\":\"x\"," + own + "}",
            "{\"userid\":\"a\",\"USERID\":\"b\",\"Body\":\"x\"," + own + "}",
            "{\"UserId\":\"not-a-uuid\",\"UserEmail\":"
                + q(attacker.recipientEmail())
                + ",\"Body\":\"x\","
                + own
                + "}",
            "[]",
            "\"text\"",
            "null",
            "{}");
    for (var body : bodies) {
      var headers = json(null);
      headers.put("Content-Type", ascii("application/json"));
      add("push-json", "KEY", "POST", PUSH_API + "?format=json", e, headers, ascii8(body));
    }
  }

  /**
   * Hostile XML: entities from files and hosts, external DTDs, billion laughs, deep nesting,
   * documents that are not well-formed, and the victim's users with the attacker's credentials.
   */
  private void pushApiXml(Endpoint e) {
    var own =
        "<CompanyId>"
            + attacker.companyId()
            + "</CompanyId><IntegrationKey>"
            + attacker.integrationKey()
            + "</IntegrationKey>";
    var user = "<UserEmail>" + attacker.recipientEmail() + "</UserEmail>";
    var laughs = new StringBuilder("<!DOCTYPE p [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      laughs.append("<!ENTITY l" + i + " \"" + ("&l" + (i - 1) + ";").repeat(10) + "\">");
    }
    laughs.append("]>");
    var documents =
        List.of(
            "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p>"
                + user
                + "<Body>&x;</Body>"
                + own
                + "</p>",
            "<!DOCTYPE p [<!ENTITY x SYSTEM \"http://127.0.0.1:1/x\">]><p>"
                + user
                + "<Body>&x;</Body>"
                + own
                + "</p>",
            "<!DOCTYPE p [<!ENTITY % x SYSTEM \"http://127.0.0.1:1/x.dtd\"> %x;]><p>"
                + user
                + "<Body>b</Body>"
                + own
                + "</p>",
            "<!DOCTYPE p SYSTEM \"http://127.0.0.1:1/p.dtd\"><p>"
                + user
                + "<Body>b</Body>"
                + own
                + "</p>",
            laughs + "<p>" + user + "<Body>&l9;</Body>" + own + "</p>",
            "<!DOCTYPE p [<!ENTITY big \""
                + "x".repeat(50_000)
                + "\">]><p>"
                + user
                + "<Body>"
                + "&big;".repeat(40)
                + "</Body>"
                + own
                + "</p>",
            "<p>" + user + "<Body>&undeclared;</Body>" + own + "</p>",
            "<p>"
                + user
                + "<Body>b</Body>"
                + own
                + "<x>".repeat(10_000)
                + "</x>".repeat(10_000)
                + "</p>",
            "<p>" + user + "<Body>b</Body>" + own + "<x/>".repeat(40_000) + "</p>",
            "<p xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + user
                + "<Body><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></Body>"
                + own
                + "</p>",
            "<p>" + user + "<Body>b</Body><Body>c</Body>" + own + "</p>",
            "<p>" + user + "<Body><b>nested</b></Body>" + own + "</p>",
            "<p><UserId>" + victim.memberId() + "</UserId><Body>b</Body>" + own + "</p>",
            "<p><UserEmail>"
                + victim.recipientEmail()
                + "</UserEmail><Body>b</Body>"
                + own
                + "</p>",
            "<p>"
                + user
                + "<Body>b</Body><CompanyId>"
                + victim.companyId()
                + "</CompanyId><IntegrationKey>"
                + attacker.integrationKey()
                + "</IntegrationKey></p>",
            "<p>" + user + "<Body i:nil=\"true\">b</Body>" + own + "</p>",
            "<p>" + user + "<ExpirySecs>ten</ExpirySecs><Body>b</Body>" + own + "</p>",
            "<p>" + user + "<Body>b</Body>" + own + "</q>",
            "<p>" + user + "<Body>b</Body>" + own + "</p><p/>",
            "<?xml-stylesheet href=\"http://127.0.0.1:1/s.xsl\"?><p>"
                + user
                + "<!-- c --><Body><![CDATA[<b>]]></Body>"
                + own
                + "</p>",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?><p>"
                + user
                + "<Body>b</Body>"
                + own
                + "</p>",
            "<p>" + user + "<Body>\u0001</Body>" + own + "</p>",
            "<p>" + user + "<Body>&#0;</Body>" + own + "</p>",
            "",
            "<",
            "not xml at all");
    var contentTypes = List.of("application/xml", "text/xml", "");
    for (int i = 0; i < documents.size(); i++) {
      var headers = json(null);
      var type = contentTypes.get(i % contentTypes.size());
      if (!type.isEmpty()) {
        headers.put("Content-Type", ascii(type));
      }
      add("push-xml", "KEY", "POST", PUSH_API, e, headers, ascii8(documents.get(i)));
    }
    var broken = ("<p>" + user + "<Body>caf").getBytes(StandardCharsets.UTF_8);
    var invalidUtf8 = java.util.Arrays.copyOf(broken, broken.length + 2);
    invalidUtf8[broken.length] = (byte) 0xc3;
    invalidUtf8[broken.length + 1] = (byte) 0x28;
    var headers = json(null);
    headers.put("Content-Type", ascii("application/xml"));
    add("push-xml", "KEY", "POST", PUSH_API, e, headers, invalidUtf8);
  }

  private static byte[] ascii8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Methods the template does not declare. */
  private void wrongMethods(String template, List<Endpoint> declared) {
    var e = declared.get(0);
    for (var method : METHODS) {
      if (declared.stream().noneMatch(d -> d.method().equals(method))
          && !(method.equals("HEAD")
              && declared.stream().anyMatch(d -> d.method().equals("GET") && !d.eventStream()))) {
        add(
            "method",
            "ADMIN",
            method,
            path(e, attacker, true),
            e,
            json(admin()),
            List.of("GET", "HEAD", "DELETE").contains(method) ? null : validBody());
      }
    }
    // Grizzly refuses a body on DELETE with an empty 400 before the WAR (see the README).
    if (declared.stream().anyMatch(d -> d.method().equals("DELETE"))) {
      add(
          "delete-with-body",
          "ADMIN",
          "DELETE",
          path(e, attacker, true),
          e,
          json(admin()),
          validBody(),
          null,
          true);
    }
    if (declared.stream().anyMatch(Endpoint::eventStream)) {
      add("head-stream", "ADMIN", "HEAD", path(e, attacker, true), e, json(admin()), null);
    }
    add(
        "method-trace",
        "ADMIN",
        "TRACE",
        path(e, attacker, true),
        e,
        json(admin()),
        null,
        null,
        true);
  }

  // --- building blocks

  private void add(
      String family,
      String caller,
      String method,
      String target,
      Endpoint e,
      Map<String, byte[]> headers,
      byte[] body) {
    add(family, caller, method, target, e, headers, body, null, false);
  }

  private void add(
      String family,
      String caller,
      String method,
      String target,
      Endpoint e,
      Map<String, byte[]> headers,
      byte[] body,
      Integer declared,
      boolean container) {
    if (body != null && !headers.containsKey("Content-Type")) {
      headers.put("Content-Type", ascii("application/json"));
    }
    attacks.add(new Attack(family, caller, method, target, e, headers, body, declared, container));
  }

  /** Destructive methods get random ids, so the attack never deletes the fixtures it relies on. */
  private static boolean safeIds(Endpoint e) {
    return e.method().equals("DELETE");
  }

  private static String path(Endpoint e, Tenant tenant, boolean randomIds) {
    return path(e, tenant, randomIds, null, null);
  }

  private static String path(
      Endpoint e, Tenant tenant, boolean randomIds, String param, String rawValue) {
    var path = e.template().replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    for (var name : e.pathParams()) {
      String value;
      if (name.equals(param)) {
        value = rawValue;
      } else if (name.equals("organizationId") || !randomIds) {
        value = enc(tenant.id(name));
      } else {
        value = UUID.randomUUID().toString();
      }
      path = path.replace("{" + name + "}", value);
    }
    return path;
  }

  /**
   * A new valid body where one was given: each request creates different things, so that requests
   * running at the same time do not race for one unique name (that race is answered with 409, but
   * the server's transaction manager logs the failed commit).
   */
  private byte[] fresh(byte[] body) {
    return body == null ? null : validBody();
  }

  /** A body every body endpoint accepts: the fields each reads, valid, and nothing else. */
  private byte[] validBody() {
    return ("{" + validFields(null).replaceAll(",$", "") + "}").getBytes(StandardCharsets.UTF_8);
  }

  private String validText() {
    return "{" + validFields(null).replaceAll(",$", "") + "}";
  }

  /** The valid fields except {@code except}, each followed by a comma. */
  private String validFields(String except) {
    var n = unique.incrementAndGet();
    var fields = new LinkedHashMap<String, String>();
    fields.put("title", q("hostile"));
    fields.put("text", q("x"));
    fields.put("scope", q("USR"));
    fields.put("emails", "[" + q(attacker.recipientEmail()) + "]");
    fields.put("channels", "[\"inapp\"]");
    fields.put(
        "email",
        q("fuzz-" + n + "-" + UUID.randomUUID().toString().substring(0, 6) + "@fuzz.example"));
    fields.put("name", q("n" + n));
    fields.put("memberId", q(attacker.memberId()));
    fields.put("role", q("MEMBER"));
    fields.put("platform", q("android"));
    fields.put("token", q("fuzz-device-" + UUID.randomUUID()));
    var text = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (!k.equals(except)) {
            text.append(q(k)).append(':').append(v).append(',');
          }
        });
    return text.toString();
  }

  private Map<String, byte[]> json(byte[] authorization) {
    var headers = new LinkedHashMap<String, byte[]>();
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    return headers;
  }

  private byte[] admin() {
    return bearer(attacker.tokens().get("ADMIN"));
  }

  private static byte[] bearer(String token) {
    return ascii("Bearer " + token);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String q(String text) {
    return Api.q(text);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String cursor(String... parts) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
  }
}
