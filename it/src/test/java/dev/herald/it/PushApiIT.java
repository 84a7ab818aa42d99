package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Push API v2 ({@code POST /api/v2/push}, ADR 0014) on the real WAR: JSON and DataContract XML
 * in, the format asked for out, ServiceStack errors, integration keys, and hostile XML that reads
 * nothing, connects nowhere and queues nothing. Notifications are counted where they land: the
 * member's inbox and the notifications list.
 */
class PushApiIT extends HeraldIT {

  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private Organization org;
  private String annId;
  private Api annInbox;
  private int companyId;
  private String key;

  @BeforeEach
  void setUp() {
    org = Organization.create(systemAdmin(), "push");
    var ann =
        org.admin.post(
            org.path + "/members", "{\"email\":\"ann@push.example\",\"externalId\":\"emp-7\"}");
    assertThat(ann.status()).as(ann.toString()).isEqualTo(201);
    annId = ann.json().getString("id");
    annInbox = org.token(annId, "MEMBER");
    var created = createKey(org, "{\"name\":\"erp\"}");
    companyId = created.getInt("companyId");
    key = created.getString("integrationKey");
  }

  @Test
  void aJsonRequestWithFieldNamesInAnyCaseSendsAnOrdinaryUserNotification() {
    var reply =
        push(
            "json",
            Map.of("Content-Type", "application/json"),
            "{\"userEMAIL\": \"ann@push.example\", \"title\": \"Stock low\","
                + " \"BODY\": \"Reorder paper\", \"sound\": true, \"companyid\": "
                + companyId
                + ", \"integrationkey\": "
                + Api.q(key)
                + ", \"UserId\": \"\", \"Unknown\": {\"x\": 1}}");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    var id = reply.json().getString("NotificationId");
    var listed = listed(id);
    assertThat(listed.getString("scope")).isEqualTo("USR");
    assertThat(listed.getJsonArray("emails").getString(0)).isEqualTo("ann@push.example");
    assertThat(listed.getString("sentVia")).isEqualTo("push-api-v2");
    assertThat(listed.getJsonObject("content").getString("title")).isEqualTo("Stock low");
    awaitInbox(id);
  }

  @Test
  void aDataContractXmlRequestWithoutContentTypeIsAnsweredInXml() throws Exception {
    var body =
        """
        <PushRequest xmlns:i="http://www.w3.org/2001/XMLSchema-instance"
                     xmlns="http://schemas.datacontract.org/2004/07/Integration">
          <IntegrationKey>KEY</IntegrationKey>
          <UserEmail i:nil="true"/>
          <Body>Reorder paper</Body>
          <UserExternalId>emp-7</UserExternalId>
          <CompanyId>COMPANY</CompanyId>
          <Title>Stock &amp; paper</Title>
          <Sound>false</Sound>
        </PushRequest>
        """
            .replace("KEY", key)
            .replace("COMPANY", Integer.toString(companyId));
    var reply = push(null, Map.of(), body);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/xml");
    var root = xml(reply.body());
    assertThat(root.getLocalName()).isEqualTo("PushResponse");
    assertThat(childNames(root)).containsExactly("NotificationId");
    var id = root.getElementsByTagNameNS("*", "NotificationId").item(0).getTextContent();
    assertThat(listed(id).getJsonObject("content").getString("title")).isEqualTo("Stock & paper");
    awaitInbox(id);
  }

  @Test
  void theAnswerIsInTheFormatParameterElseTheAcceptHeaderElseXml() {
    var json = request("ann@push.example", "Formats");
    var byParameter =
        push("json", Map.of("Content-Type", "application/json", "Accept", "application/xml"), json);
    var byAccept =
        push(null, Map.of("Content-Type", "application/json", "Accept", "application/json"), json);
    var byDefault = push(null, Map.of("Content-Type", "application/json"), json);
    var xmlByParameter =
        push("XML", Map.of("Content-Type", "application/json", "Accept", "application/json"), json);

    assertThat(byParameter.header("Content-Type")).startsWith("application/json");
    assertThat(byAccept.header("Content-Type")).startsWith("application/json");
    assertThat(byDefault.header("Content-Type")).startsWith("application/xml");
    assertThat(xmlByParameter.header("Content-Type")).startsWith("application/xml");
    assertThat(List.of(byParameter, byAccept, byDefault, xmlByParameter))
        .extracting(Api.Reply::status)
        .containsOnly(200);
  }

  @Test
  void errorsAreServiceStackResponseStatusesWithElementsInAlphabeticalOrder() throws Exception {
    var before = count();
    var xml =
        "<Push xmlns:i=\""
            + XSI
            + "\"><Body>Hi</Body><CompanyId>"
            + companyId
            + "</CompanyId></Push>";
    var reply = push(null, Map.of("Content-Type", "application/xml"), xml);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    var root = xml(reply.body());
    assertThat(childNames(root)).containsExactly("ResponseStatus");
    var status = child(root, "ResponseStatus");
    assertThat(childNames(status)).containsExactly("ErrorCode", "Errors", "Message");
    var fields = new ArrayList<String>();
    for (var error : children(child(status, "Errors"))) {
      assertThat(childNames(error)).containsExactly("ErrorCode", "FieldName", "Message");
      fields.add(child(error, "FieldName").getTextContent());
    }
    assertThat(fields).containsExactlyInAnyOrder("UserId", "IntegrationKey");

    var json =
        push(
            "json",
            Map.of("Content-Type", "application/json"),
            request("nobody@push.example", "Unknown"));
    assertThat(json.status()).as(json.toString()).isEqualTo(400);
    var responseStatus = json.json().getJsonObject("ResponseStatus");
    assertThat(responseStatus.getString("ErrorCode")).isEqualTo("ValidationException");
    var error = responseStatus.getJsonArray("Errors").getJsonObject(0);
    assertThat(error.getString("FieldName")).isEqualTo("UserEmail");
    assertThat(error.getString("ErrorCode")).isEqualTo("NotFound");

    var longTitle = push("json", json(), request("ann@push.example", "x".repeat(501)));
    assertThat(longTitle.status()).as(longTitle.toString()).isEqualTo(400);
    assertThat(
            longTitle
                .json()
                .getJsonObject("ResponseStatus")
                .getJsonArray("Errors")
                .getJsonObject(0)
                .getString("FieldName"))
        .isEqualTo("Title");

    var malformed = push("json", Map.of("Content-Type", "application/json"), "{\"Title\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().getJsonObject("ResponseStatus").getString("Message")).isNotBlank();

    var tooLarge =
        push(
            "json",
            Map.of("Content-Type", "application/json"),
            "{\"Body\": \"" + "x".repeat(300 * 1024) + "\"}");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().getJsonObject("ResponseStatus").getString("ErrorCode"))
        .isEqualTo("RequestEntityTooLarge");

    var wrongType = push("json", Map.of("Content-Type", "text/plain"), "hello");
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.json().getJsonObject("ResponseStatus").getString("ErrorCode"))
        .isEqualTo("UnsupportedMediaType");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aKeyOfAnotherCompanyARevokedKeyOrAWrongKeyGets401AndSendsNothing() {
    var other = Organization.create(systemAdmin(), "push-other");
    other.member("ann@push.example");
    var otherKey = createKey(other, "{}");
    var before = count();

    var wrongKey = push("json", json(), request("ann@push.example", "A", companyId, key + "x"));
    var otherCompany =
        push(
            "json",
            json(),
            request("ann@push.example", "B", companyId, otherKey.getString("integrationKey")));
    var revoked = createKey(org, "{}");
    assertThat(org.admin.delete(org.path + "/integration-keys/" + revoked.getString("id")).status())
        .isEqualTo(204);
    var revokedReply =
        push(
            "json",
            json(),
            request("ann@push.example", "C", companyId, revoked.getString("integrationKey")));

    for (var reply : List.of(wrongKey, otherCompany, revokedReply)) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
      assertThat(reply.json().getJsonObject("ResponseStatus").getString("ErrorCode"))
          .isEqualTo("Unauthorized");
    }
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void integrationKeysAreShownOnceListedWithoutTheKeyAndAnOrganizationsOwn() {
    var list = org.admin.get(org.path + "/integration-keys");
    assertThat(list.status()).isEqualTo(200);
    var listed = list.items().getJsonObject(0);
    assertThat(listed.containsKey("integrationKey")).isFalse();
    assertThat(listed.getInt("companyId")).isEqualTo(companyId);
    assertThat(listed.getString("name")).isEqualTo("erp");
    assertThat(key).startsWith("hrd_ik_").startsWith(listed.getString("prefix"));
    assertThat(list.body()).doesNotContain(key);

    var sender = org.token(org.member("sender@push.example"), "SENDER");
    assertThat(sender.get(org.path + "/integration-keys").status()).isEqualTo(403);
    assertThat(sender.post(org.path + "/integration-keys", "{}").status()).isEqualTo(403);

    var other = Organization.create(systemAdmin(), "push-thief");
    var thief = other.token(other.member("admin@thief.example"), "ADMIN");
    var keyId = listed.getString("id");
    assertThat(thief.get(org.path + "/integration-keys").status()).isEqualTo(404);
    assertThat(thief.post(org.path + "/integration-keys", "{}").status()).isEqualTo(404);
    assertThat(thief.delete(org.path + "/integration-keys/" + keyId).status()).isEqualTo(404);
    assertThat(thief.delete(other.path + "/integration-keys/" + keyId).status()).isEqualTo(404);
    var stillWorks = push("json", json(), request("ann@push.example", "Still mine"));
    assertThat(stillWorks.status()).as(stillWorks.toString()).isEqualTo(200);
  }

  @Test
  void soundAndExpiryReachApnsAndFcmAndTheInboxItemDisappearsAfterIt() throws Exception {
    try (var services = new LocalServices()) {
      register("ios", "a11ce7001");
      register("android", "ann-push-fcm");
      var sent = Instant.now();
      var reply =
          push(
              "json",
              json(),
              "{\"UserId\":\"%s\",\"Title\":\"Expiring\",\"Body\":\"Soon gone\",\"Sound\":true,\"ExpirySecs\":600,\"CompanyId\":%d,\"IntegrationKey\":%s}"
                  .formatted(annId, companyId, Api.q(key)));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      var id = reply.json().getString("NotificationId");

      var apns =
          Eventually.await(
              "the push to APNs",
              Duration.ofSeconds(30),
              () -> services.apns.stream().filter(r -> r.body().contains(id)).toList(),
              received -> !received.isEmpty());
      var aps = Api.parse(apns.get(0).body()).asJsonObject().getJsonObject("aps");
      assertThat(aps.getString("sound")).isEqualTo("default");
      assertThat(Long.parseLong(apns.get(0).expiration()))
          .isBetween(sent.getEpochSecond() + 590, sent.getEpochSecond() + 640);
      var fcm =
          Eventually.await(
              "the push to FCM",
              Duration.ofSeconds(30),
              () -> services.fcm.stream().filter(r -> r.body().contains(id)).toList(),
              received -> !received.isEmpty());
      var android =
          Api.parse(fcm.get(0).body())
              .asJsonObject()
              .getJsonObject("message")
              .getJsonObject("android");
      var ttl = Double.parseDouble(android.getString("ttl").replace("s", ""));
      assertThat(ttl).isBetween(560.0, 600.0);
      assertThat(android.getJsonObject("notification").getString("sound")).isEqualTo("default");

      // a short expiry: the item is delivered to the inbox, then disappears from it
      var shortLived =
          push(
              "json",
              json(),
              "{\"UserId\":\"%s\",\"Body\":\"Flash\",\"ExpirySecs\":4,\"CompanyId\":%d,\"IntegrationKey\":%s}"
                  .formatted(annId, companyId, Api.q(key)));
      var flash = shortLived.json().getString("NotificationId");
      var flashSent = System.nanoTime();
      Eventually.await(
          "the in-app delivery",
          Duration.ofSeconds(30),
          () -> org.admin.get(org.path + "/notifications/" + flash).json(),
          n ->
              n.getJsonObject("counters")
                      .getJsonObject("byChannel")
                      .getJsonObject("inapp")
                      .getInt("delivered")
                  == 1);
      Eventually.await(
          "the inbox item's expiry",
          Duration.ofSeconds(30),
          this::inboxIds,
          ids -> !ids.contains(flash));
      assertThat(Duration.ofNanos(System.nanoTime() - flashSent))
          .isGreaterThan(Duration.ofSeconds(3));
      assertThat(inboxIds()).contains(id);
    }
  }

  @Test
  void aRepeatedIdempotencyKeyGetsTheFirstAnswerAndSendsNothingNew() {
    var idempotencyKey = "push-" + UUID.randomUUID();
    var headers = Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey);
    var first = push("json", headers, request("ann@push.example", "Once"));
    var again = push("json", headers, request("ann@push.example", "Once"));
    var different = push("json", headers, request("ann@push.example", "Twice"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().getString("NotificationId"))
        .isEqualTo(first.json().getString("NotificationId"));
    assertThat(different.status()).as(different.toString()).isEqualTo(422);
    assertThat(different.json().getJsonObject("ResponseStatus").getString("ErrorCode"))
        .isEqualTo("UnprocessableEntity");
    assertThat(titled("Once")).isEqualTo(1);
    assertThat(titled("Twice")).isZero();
  }

  @Test
  void anIntegrationKeysSendLimitAnswers429WithRetryAfterAndSparesOtherKeys() {
    var limited = createKey(org, "{\"sendsPerMinute\": 2}");
    var limitedKey = limited.getString("integrationKey");
    var answers = new ArrayList<Api.Reply>();
    // two pass in a minute; should a minute end among them, two more in the next
    while (answers.size() < 5 && answers.stream().noneMatch(a -> a.status() == 429)) {
      answers.add(
          push(
              "json",
              json(),
              request("ann@push.example", "Limited " + answers.size(), companyId, limitedKey)));
    }
    var refused = answers.get(answers.size() - 1);
    assertThat(refused.status()).as(answers.toString()).isEqualTo(429);
    assertThat(answers.subList(0, answers.size() - 1))
        .extracting(Api.Reply::status)
        .containsOnly(200)
        .hasSizeBetween(2, 4);
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
    assertThat(refused.json().getJsonObject("ResponseStatus").getString("ErrorCode"))
        .isEqualTo("TooManyRequests");
    assertThat(titled("Limited " + (answers.size() - 1))).isZero();
    assertThat(push("json", json(), request("ann@push.example", "Unlimited")).status())
        .isEqualTo(200);
  }

  @Test
  void hostileXmlIsRefusedWithNothingReadFetchedOrQueued() throws Exception {
    var before = count();
    var credentials =
        "<CompanyId>" + companyId + "</CompanyId><IntegrationKey>" + key + "</IntegrationKey>";
    var fileEntity =
        push(
            null,
            Map.of(),
            "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<p><UserEmail>ann@push.example</UserEmail><Body>&xxe;</Body>"
                + credentials
                + "</p>");
    assertThat(fileEntity.status()).as(fileEntity.toString()).isEqualTo(400);
    assertThat(fileEntity.body()).doesNotContain("root:");

    var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      laughs.append(
          "<!ENTITY lol%d \"%s\">".formatted(i, ("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)));
    }
    laughs.append("]><p><UserEmail>ann@push.example</UserEmail><Body>&lol9;</Body>");
    var billion = push(null, Map.of("Content-Type", "text/xml"), laughs + credentials + "</p>");
    assertThat(billion.status()).as(billion.toString()).isEqualTo(400);

    var tooDeep =
        push(
            null,
            Map.of(),
            "<p><UserEmail>ann@push.example</UserEmail><Body>Deep</Body>"
                + credentials
                + "<x>".repeat(100)
                + "</x>".repeat(100)
                + "</p>");
    assertThat(tooDeep.status()).as(tooDeep.toString()).isEqualTo(400);

    try (var listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      var connections = new AtomicInteger();
      listener.setSoTimeout(200);
      var watching =
          new Thread(
              () -> {
                while (!listener.isClosed()) {
                  try {
                    listener.accept().close();
                    connections.incrementAndGet();
                  } catch (SocketTimeoutException e) {
                    // keep listening
                  } catch (java.io.IOException e) {
                    return;
                  }
                }
              });
      watching.start();
      var url = "http://127.0.0.1:" + listener.getLocalPort();
      var externalDtd =
          push(
              null,
              Map.of("Content-Type", "application/xml"),
              "<?xml version=\"1.0\"?><!DOCTYPE p SYSTEM \""
                  + url
                  + "/evil.dtd\"><p><UserEmail>ann@push.example</UserEmail><Body>Hi</Body>"
                  + credentials
                  + "</p>");
      var parameterEntity =
          push(
              null,
              Map.of("Content-Type", "application/xml"),
              "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY % remote SYSTEM \""
                  + url
                  + "/param.dtd\"> %remote;]><p><UserEmail>ann@push.example</UserEmail>"
                  + "<Body>Hi</Body>"
                  + credentials
                  + "</p>");
      Thread.sleep(1_000);
      assertThat(externalDtd.status()).as(externalDtd.toString()).isEqualTo(400);
      assertThat(parameterEntity.status()).as(parameterEntity.toString()).isEqualTo(400);
      assertThat(connections.get()).as("connections to the external DTD's host").isZero();
    }
    assertThat(count()).isEqualTo(before);
  }

  private Api.Reply push(String format, Map<String, String> headers, String body) {
    var path = "/api/v2/push" + (format == null ? "" : "?format=" + format);
    return systemAdmin().as(null).send("POST", path, body, headers);
  }

  private static Map<String, String> json() {
    return Map.of("Content-Type", "application/json");
  }

  private String request(String email, String title) {
    return request(email, title, companyId, key);
  }

  private static String request(String email, String title, int company, String integrationKey) {
    return "{\"UserEmail\":%s,\"Title\":%s,\"Body\":\"Hello\",\"CompanyId\":%d,\"IntegrationKey\":%s}"
        .formatted(Api.q(email), Api.q(title), company, Api.q(integrationKey));
  }

  private static JsonObject createKey(Organization organization, String body) {
    var reply = organization.admin.post(organization.path + "/integration-keys", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  private void register(String platform, String token) {
    var reply =
        annInbox.post(
            org.path + "/devices",
            "{\"platform\":\"" + platform + "\",\"token\":\"" + token + "\"}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }

  private JsonObject listed(String id) {
    var reply = org.admin.get(org.path + "/notifications/" + id);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private int count() {
    return org.admin.get(org.path + "/notifications?limit=100").items().size();
  }

  private long titled(String title) {
    return org.sentTitled(title);
  }

  private List<String> inboxIds() {
    return annInbox.get(org.path + "/inbox").items().getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("notificationId"))
        .toList();
  }

  private void awaitInbox(String id) {
    Eventually.await(
        "the inbox item", Duration.ofSeconds(30), this::inboxIds, ids -> ids.contains(id));
  }

  private static Element xml(String text) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
  }

  private static List<Element> children(Element parent) {
    var result = new ArrayList<Element>();
    for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node.getNodeType() == Node.ELEMENT_NODE) {
        result.add((Element) node);
      }
    }
    return result;
  }

  private static List<String> childNames(Element parent) {
    return children(parent).stream().map(Element::getLocalName).toList();
  }

  private static Element child(Element parent, String name) {
    return children(parent).stream()
        .filter(e -> e.getLocalName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + parent.getLocalName()));
  }
}
