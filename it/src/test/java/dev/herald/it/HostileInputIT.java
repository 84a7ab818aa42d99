package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.it.HostileRequests.Attack;
import dev.herald.it.HostileRequests.Tenant;
import dev.herald.it.SocketHttp.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A few thousand malformed and hostile requests, made from the API's own list of resource methods
 * (so a new endpoint is attacked without being listed), sent by every role of one organization
 * while a second organization holds data to steal. Asserted: no 5xx and no hang; every error is
 * {@code {"message": …}} JSON (except what the HTTP layer refuses before the WAR, see the README);
 * a refused request stores nothing; nothing of the other organization leaks; no stack trace or
 * SEVERE line in the server's log.
 */
class HostileInputIT extends HeraldIT {

  private static final int THREADS = 4;
  private static final List<String> COUNTED =
      List.of("members", "solutions", "tokens", "notifications", "devices");

  @Test
  void hostileRequestsAreRefusedCleanlyAndLeakNothing() throws Exception {
    var attacker = Fixtures.create(systemAdmin(), "hostile-a");
    var victim = Fixtures.create(systemAdmin(), "hostile-b");
    var endpoints = ApiMethods.read();
    var attacks =
        new HostileRequests(attacker.tenant, victim.tenant)
            .signingWith(attacker.signingWebhookId, attacker.signingSecret)
            .all(endpoints);
    // what the attacker itself sends (the other organization's ids in paths and bodies) may come
    // back in answers; everything else of the other organization must not
    victim.forgetSecretsIn(attacks.stream().map(HostileInputIT::requestText).toList());
    var attackerBefore = attacker.counts();
    var victimBefore = victim.snapshot();

    var failures = new ConcurrentLinkedQueue<String>();
    var statuses = new ConcurrentHashMap<String, AtomicInteger>();
    var created = new ConcurrentHashMap<String, AtomicInteger>();
    var containerAnswered = new AtomicInteger();
    var slowest = new ConcurrentLinkedQueue<String>();
    var started = System.nanoTime();
    List<String> stackFrames;
    List<String> severe;
    int logLines;
    try (var log = ServerLog.capture()) {
      var pool = Executors.newFixedThreadPool(THREADS);
      for (var attack : attacks) {
        pool.submit(
            () -> {
              var timeout = attack.declaredLength() != null ? 150_000 : 30_000;
              var answer =
                  SocketHttp.send(
                      base.toURI(),
                      attack.method(),
                      attack.target(),
                      attack.headers(),
                      attack.body(),
                      attack.declaredLength(),
                      timeout);
              statuses
                  .computeIfAbsent(bucket(answer.status()), k -> new AtomicInteger())
                  .incrementAndGet();
              if (answer.millis() > 5_000) {
                slowest.add(answer.millis() + " ms: " + attack.describe());
              }
              if (attack.containerAnswers()) {
                containerAnswered.incrementAndGet();
              }
              check(attack, answer, victim, failures, created);
              return null;
            });
      }
      pool.shutdown();
      if (!pool.awaitTermination(6, TimeUnit.MINUTES)) {
        pool.shutdownNow();
        failures.add("the attacks did not finish in 6 minutes");
      }
      // let the server's output of the last requests arrive
      Thread.sleep(1_000);
      stackFrames = log.stackFrames();
      severe = log.severe();
      logLines = log.lines().size();
    }
    var seconds = (System.nanoTime() - started) / 1_000_000_000.0;

    var attackerAfter = attacker.counts();
    for (var kind : COUNTED) {
      var expected =
          attackerBefore.get(kind) + created.getOrDefault(kind, new AtomicInteger()).get();
      if (attackerAfter.get(kind) != expected) {
        failures.add(
            kind
                + ": "
                + attackerAfter.get(kind)
                + " after the attacks, expected "
                + expected
                + " ("
                + attackerBefore.get(kind)
                + " before + the 2xx creations): a refused request stored something");
      }
    }
    assertThat(victim.snapshot()).as("the other organization's data").isEqualTo(victimBefore);

    System.out.printf(
        "Hostile input: %d requests on %d resource methods in %.1f s; statuses %s; %d answered by"
            + " the HTTP layer before the WAR; created %s; server log: %d lines, %d stack frames,"
            + " %d SEVERE; %d secrets of the other organization looked for; %d failures%n",
        attacks.size(),
        endpoints.size(),
        seconds,
        new TreeMap<>(statuses),
        containerAnswered.get(),
        new TreeMap<>(created),
        logLines,
        stackFrames.size(),
        severe.size(),
        victim.secrets.size(),
        failures.size());
    assertThat(failures)
        .withFailMessage(
            () ->
                failures.size()
                    + " failures:\n"
                    + String.join("\n", failures.stream().limit(40).toList()))
        .isEmpty();
    assertThat(stackFrames.stream().limit(20).toList())
        .as("stack traces in the server log")
        .isEmpty();
    assertThat(severe.stream().limit(20).toList()).as("SEVERE lines in the server log").isEmpty();
  }

  @Test
  void aUsrNotificationToThreeThousandMembersKeepsTheirEmailsInOrder() {
    var org = Organization.create(systemAdmin(), "many");
    var emails = new ArrayList<String>();
    var bulk = new StringBuilder("[");
    for (int i = 0; i < 3_000; i++) {
      var email = "member-" + (2_999 - i) + "-" + "x".repeat(20) + "@many.example";
      emails.add(email);
      bulk.append(i == 0 ? "" : ",").append("{\"email\":").append(Api.q(email)).append('}');
    }
    var imported = org.admin.post(org.path + "/members/bulk", bulk.append(']').toString());
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    var list = new StringBuilder("[");
    emails.forEach(e -> list.append(list.length() == 1 ? "" : ",").append(Api.q(e)));
    var sent =
        org.send(
            org.admin,
            "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"USR\",\"channels\":[\"inapp\"],\"emails\":"
                + list
                + "]}");
    assertThat(sent.getJsonArray("emails").getValuesAs(JsonString::getString)).isEqualTo(emails);
    var read = org.admin.get(org.path + "/notifications/" + sent.getString("notificationId"));
    assertThat(read.json().getJsonArray("emails").getValuesAs(JsonString::getString))
        .isEqualTo(emails);
  }

  // --- checks of one answer

  private static void check(
      Attack attack,
      Answer answer,
      Fixtures victim,
      ConcurrentLinkedQueue<String> failures,
      ConcurrentHashMap<String, AtomicInteger> created) {
    var what = attack.describe() + " -> " + answer.status() + " " + shorten(answer.text());
    if (answer.status() < 0) {
      // A body that never completes breaks the protocol: Payara answers 408, WildFly's Undertow
      // closes the connection without an answer. Either is fine; hanging is not.
      var dropped = attack.family().equals("body-incomplete") && answer.status() != -1;
      if (!dropped) {
        failures.add((answer.status() == -1 ? "no answer in time: " : "broken answer: ") + what);
      }
      return;
    }
    if (answer.status() >= 500) {
      failures.add("server error: " + what);
      return;
    }
    var pushApi = attack.endpoint().template().equals(HostileRequests.PUSH_API);
    // The health checks (load balancers call them), the metrics (scrapers call them) and the
    // OpenAPI
    // document (it describes the API, no organization) take no token: a bad one changes nothing.
    var tokenless =
        attack.endpoint().template().startsWith(HostileRequests.HEALTH)
            || attack.endpoint().template().equals(HostileRequests.OPENAPI)
            || attack.endpoint().template().equals(HostileRequests.METRICS);
    if (attack.family().startsWith("token-") && !pushApi && !tokenless && answer.status() != 401) {
      failures.add("a malformed token not answered 401: " + what);
      return;
    }
    if (attack.containerAnswers() && answer.status() >= 400) {
      return; // the HTTP layer's own answer, see the README
    }
    if (pushApi && answer.status() >= 400 && !attack.method().equals("HEAD")) {
      if (!isResponseStatus(answer)) {
        failures.add("error not a ServiceStack ResponseStatus: " + what);
      }
    } else if (answer.status() >= 400 && !attack.method().equals("HEAD") && !isErrorJson(answer)) {
      failures.add(
          "error not {\"message\"} JSON: "
              + what
              + " (Content-Type "
              + answer.header("Content-Type")
              + ")");
    }
    var leaked = victim.secretsIn(answer.text(), requestText(attack));
    if (!leaked.isEmpty()) {
      failures.add("leaked the other organization's " + leaked + ": " + what);
    }
    if (answer.status() >= 200 && answer.status() < 300) {
      if (attack.method().equals("DELETE")) {
        failures.add("a hostile DELETE succeeded: " + what);
      }
      if (attack.method().equals("POST")) {
        var count = 1;
        try {
          var value = Api.parse(answer.text());
          if (value instanceof JsonObject o && o.containsKey("items")) {
            count = o.getJsonArray("items").size();
          }
        } catch (RuntimeException e) {
          // not JSON: one thing or nothing; counted as one
        }
        created
            .computeIfAbsent(
                pushApi ? "notifications" : attack.endpoint().collection(),
                k -> new AtomicInteger())
            .addAndGet(count);
      }
    }
  }

  private static boolean isErrorJson(Answer answer) {
    var type = answer.header("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      return false;
    }
    try {
      return Api.parse(answer.text()) instanceof JsonObject o
          && o.get("message") instanceof JsonString s
          && !s.getString().isBlank();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * A Push API error: ServiceStack's {@code ResponseStatus} with a message, in JSON or in XML (the
   * element by its local name, whatever the namespace).
   */
  private static boolean isResponseStatus(Answer answer) {
    var type = answer.header("Content-Type");
    if (type == null) {
      return false;
    }
    if (type.startsWith("application/json")) {
      try {
        return Api.parse(answer.text()) instanceof JsonObject o
            && o.get("ResponseStatus") instanceof JsonObject status
            && status.get("Message") instanceof JsonString s
            && !s.getString().isBlank();
      } catch (RuntimeException e) {
        return false;
      }
    }
    if (type.startsWith("application/xml")) {
      try {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var root =
            factory
                .newDocumentBuilder()
                .parse(
                    new java.io.ByteArrayInputStream(
                        answer.text().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        var messages = root.getElementsByTagNameNS("*", "Message");
        return root.getElementsByTagNameNS("*", "ResponseStatus").getLength() == 1
            && messages.getLength() > 0
            && !messages.item(messages.getLength() - 1).getTextContent().isBlank();
      } catch (Exception e) {
        return false;
      }
    }
    return false;
  }

  private static String requestText(Attack attack) {
    var text = new StringBuilder(attack.target());
    try {
      text.append(' ').append(URLDecoder.decode(attack.target(), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      // undecodable on purpose
    }
    attack
        .headers()
        .values()
        .forEach(v -> text.append(' ').append(new String(v, StandardCharsets.ISO_8859_1)));
    if (attack.body() != null) {
      text.append(' ').append(new String(attack.body(), StandardCharsets.UTF_8));
    }
    return text.toString();
  }

  private static String bucket(int status) {
    return status < 0 ? "none" : (status / 100) + "xx";
  }

  private static String shorten(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  /** One organization with a member of each role, a solution, a group, a notification, a device. */
  private static final class Fixtures {
    final Organization org;
    final Tenant tenant;
    final Api admin;
    final Map<String, String> secrets = new LinkedHashMap<>();

    /** A webhook kept out of the attacks' paths (never rotated by them) to sign attacks with. */
    String signingWebhookId;

    String signingSecret;

    private Fixtures(Organization org, Tenant tenant, Api admin) {
      this.org = org;
      this.tenant = tenant;
      this.admin = admin;
    }

    static Fixtures create(Api systemAdmin, String prefix) {
      var org = Organization.create(systemAdmin, prefix);
      var tag = UUID.randomUUID().toString().substring(0, 8);
      var secrets = new LinkedHashMap<String, String>();
      var members = new HashMap<String, String>();
      for (var who : List.of("admin", "sender", "member", "recipient", "target")) {
        var email = who + "-" + tag + "@" + prefix + ".example";
        members.put(who, org.member(email));
        secrets.put(who + " e-mail", email);
        secrets.put(who + " id", members.get(who));
      }
      var tokens = new LinkedHashMap<String, String>();
      var tokenIds = new HashMap<String, String>();
      for (var role : List.of("ADMIN", "SENDER", "MEMBER")) {
        var reply =
            org.admin.post(
                org.path + "/tokens",
                "{\"memberId\":"
                    + Api.q(members.get(role.toLowerCase(java.util.Locale.ROOT)))
                    + ",\"role\":"
                    + Api.q(role)
                    + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        tokens.put(role, reply.json().getString("token"));
        tokenIds.put(role, reply.json().getString("id"));
        secrets.put(role + " token", reply.json().getString("token"));
        secrets.put(role + " token id", reply.json().getString("id"));
      }
      var solution = org.solution("solution-" + tag);
      var group = "group-" + tag;
      org.group(solution, group, members.get("target"));
      var notification =
          org.send(
              org.admin,
              "{\"title\":\"t\",\"text\":\"secret text "
                  + tag
                  + "\",\"scope\":\"USR\",\"channels\":[\"inapp\"],\"emails\":["
                  + Api.q(secrets.get("recipient e-mail"))
                  + "]}");
      var memberApi = org.admin.as(tokens.get("MEMBER"));
      var deviceToken = "device-" + tag + "-" + UUID.randomUUID();
      var device =
          memberApi.post(
              org.path + "/devices",
              "{\"platform\":\"android\",\"token\":" + Api.q(deviceToken) + "}");
      assertThat(device.status()).as(device.toString()).isEqualTo(201);
      secrets.put("solution id", solution);
      secrets.put("group", group);
      secrets.put("notification id", notification.getString("notificationId"));
      secrets.put("notification text", "secret text " + tag);
      secrets.put("device id", device.json().getString("id"));
      secrets.put("device token", deviceToken);
      secrets.put("organization id", org.id);
      var webhook = org.admin.post(org.path + "/webhooks", "{\"name\":\"hook-" + tag + "\"}");
      assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
      secrets.put("webhook id", webhook.json().getString("id"));
      secrets.put("webhook secret", webhook.json().getString("secret"));
      var signing = org.admin.post(org.path + "/webhooks", "{}");
      assertThat(signing.status()).as(signing.toString()).isEqualTo(201);
      var ids = new HashMap<String, String>();
      ids.put("memberId", members.get("target"));
      ids.put("solutionId", solution);
      ids.put("group", group);
      ids.put("notificationId", notification.getString("notificationId"));
      ids.put("tokenId", tokenIds.get("MEMBER"));
      ids.put("deviceId", device.json().getString("id"));
      ids.put("webhookId", webhook.json().getString("id"));
      var key = org.admin.post(org.path + "/integration-keys", "{}");
      assertThat(key.status()).as(key.toString()).isEqualTo(201);
      secrets.put("integration key", key.json().getString("integrationKey"));
      var tenant =
          new Tenant(
              org.id,
              ids,
              tokens,
              secrets.get("recipient e-mail"),
              members.get("target"),
              key.json().getInt("companyId"),
              key.json().getString("integrationKey"));
      var fixtures = new Fixtures(org, tenant, org.admin.as(tokens.get("ADMIN")));
      fixtures.secrets.putAll(secrets);
      fixtures.signingWebhookId = signing.json().getString("id");
      fixtures.signingSecret = signing.json().getString("secret");
      return fixtures;
    }

    /** Stops looking for secrets that appear in what an attacker sends. */
    void forgetSecretsIn(List<String> requests) {
      secrets.values().removeIf(value -> requests.stream().anyMatch(r -> r.contains(value)));
      assertThat(secrets).as("secrets left to look for").hasSizeGreaterThan(8);
    }

    /** The names of this organization's secrets found in an answer but not in the request. */
    List<String> secretsIn(String answer, String request) {
      var found = new ArrayList<String>();
      secrets.forEach(
          (name, value) -> {
            if (answer.contains(value) && !request.contains(value)) {
              found.add(name);
            }
          });
      return found;
    }

    /** How many of each counted thing the organization has, read through the API. */
    Map<String, Integer> counts() {
      var counts = new HashMap<String, Integer>();
      var members = all("/members");
      counts.put("members", members.size());
      counts.put("solutions", all("/solutions").size());
      counts.put("notifications", all("/notifications").size());
      counts.put("tokens", admin.get(org.path + "/tokens").items().size());
      var devices = 0;
      for (var member : members) {
        devices +=
            admin.get(org.path + "/members/" + member.getString("id") + "/devices").items().size();
      }
      counts.put("devices", devices);
      return counts;
    }

    /** What an attack must not change: the ids of everything the organization holds. */
    String snapshot() {
      var text = new StringBuilder();
      for (var list : List.of("/members", "/solutions", "/notifications")) {
        text.append(list)
            .append(
                all(list).stream()
                    .map(
                        o ->
                            o.toString()
                                .replaceAll(
                                    "\"(state|updatedAt|updatedBy|counters)\":(\"[^\"]*\"|\\{[^}]*\\}|null),?",
                                    ""))
                    .sorted()
                    .toList());
      }
      text.append(admin.get(org.path + "/tokens").items());
      text.append(admin.get(org.path + "/webhooks").items());
      for (var member : all("/members")) {
        text.append(admin.get(org.path + "/members/" + member.getString("id") + "/devices").body());
      }
      text.append(
          admin.get(org.path + "/solutions/" + tenant.ids().get("solutionId") + "/groups").body());
      return text.toString();
    }

    private List<JsonObject> all(String list) {
      var items = new ArrayList<JsonObject>();
      String cursor = null;
      do {
        var reply =
            admin.get(org.path + list + "?limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        reply.items().forEach(v -> items.add(v.asJsonObject()));
        var next = reply.json().get("nextCursor");
        cursor = next instanceof JsonString s ? s.getString() : null;
      } while (cursor != null);
      return items;
    }
  }
}
