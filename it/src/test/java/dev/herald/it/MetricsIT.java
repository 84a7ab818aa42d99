package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v2.0/metrics} of the real WAR, without a token, as Prometheus scrapes it: what the
 * queue delivered, counted once each, with its latency, and the API's requests by route template.
 */
class MetricsIT extends HeraldIT {

  private static final String NOTIFICATIONS =
      "/v2.0/tool/organizations/{organizationId}/notifications";

  /** One sample line: the series (name and labels) and its value. */
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{.*})?) (\\S+)$");

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
  void itAnswersWithoutATokenInThePrometheusTextFormat() {
    var reply = systemAdmin().as(null).get("/v2.0/metrics");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    // Payara writes the type as given, WildFly without the spaces: the same media type to parsers.
    var type = reply.header("Content-Type").replace(" ", "");
    assertThat(type).startsWith("text/plain;");
    assertThat(type.split(";")).contains("version=0.0.4", "charset=utf-8");
    assertThat(reply.body())
        .contains("# TYPE herald_inbox_streams gauge")
        .contains("# TYPE herald_queue_depth gauge")
        .contains("jvm_memory_used_bytes");
    // Every live channel is there, 0 when nothing waits: the grouped query answered.
    var samples = samples(reply.body());
    assertThat(samples).containsKey("herald_queue_depth{channel=\"email\",state=\"waiting\"}");
    assertThat(samples).containsKey("herald_queue_depth{channel=\"ios\",state=\"retrying\"}");
  }

  @Test
  void eachDeliveryIsCountedOnceWithItsLatencyAndTheSendByItsRoute() {
    var org = Organization.create(systemAdmin(), "metrics");
    var ann = org.member("ann@metrics.example");
    var bob = org.member("bob@metrics.example");
    register(org, ann, "a11ce0077");
    register(org, bob, LocalServices.DEAD_IOS_TOKEN);
    // Exact counts need a quiet node: the suites share one database, and an earlier suite's
    // delivery still due for a retry would be counted in this window too (seen once in CI).
    var before = awaitEmptyQueue();

    var sent =
        org.send(
            org.admin,
            """
            {"title": "Metrics", "text": "counted", "scope": "USR",
             "emails": ["ann@metrics.example", "bob@metrics.example"],
             "channels": ["push", "inapp", "email"]}
            """);
    var id = sent.getString("notificationId");
    Eventually.await(
        "the notification to finish",
        Duration.ofSeconds(60),
        () -> org.admin.get(org.path + "/notifications/" + id).json().getString("state"),
        "PARTIALLY_FAILED"::equals);
    var after = scrape();

    var deliveries = "herald_deliveries_total";
    assertThat(delta(before, after, deliveries, "channel=\"inapp\",outcome=\"delivered\""))
        .isEqualTo(2);
    assertThat(delta(before, after, deliveries, "channel=\"email\",outcome=\"delivered\""))
        .isEqualTo(2);
    assertThat(delta(before, after, deliveries, "channel=\"ios\",outcome=\"delivered\""))
        .isEqualTo(1);
    assertThat(delta(before, after, deliveries, "channel=\"ios\",outcome=\"invalid_recipient\""))
        .isEqualTo(1);
    var latency = "herald_delivery_latency_seconds_count";
    assertThat(delta(before, after, latency, "channel=\"inapp\"")).isEqualTo(2);
    assertThat(delta(before, after, latency, "channel=\"email\"")).isEqualTo(2);
    assertThat(delta(before, after, latency, "channel=\"ios\"")).isEqualTo(1);
    // Reached within the slowest bucket, a minute.
    assertThat(
            delta(
                before,
                after,
                "herald_delivery_latency_seconds_bucket",
                "channel=\"email\",le=\"60.0\""))
        .isEqualTo(2);
    var attempts = "herald_delivery_attempts_total";
    assertThat(delta(before, after, attempts, "channel=\"email\"")).isEqualTo(2);
    assertThat(delta(before, after, attempts, "channel=\"ios\"")).isEqualTo(2);
    assertThat(
            delta(
                before,
                after,
                "herald_provider_send_seconds_count",
                "channel=\"ios\",provider=\"apns\""))
        .isPositive();
    assertThat(
            delta(
                before,
                after,
                "herald_http_requests_seconds_count",
                "method=\"POST\",route=\"" + NOTIFICATIONS + "\",status=\"201\""))
        .isEqualTo(1);
  }

  @Test
  void routesAreTemplatesNeverTheIdsOfAPath() {
    var org = Organization.create(systemAdmin(), "routes");
    var member = org.member("cat@routes.example");
    assertThat(org.admin.get(org.path + "/members/" + member).status()).isEqualTo(200);
    assertThat(org.admin.get(org.path + "/members/" + java.util.UUID.randomUUID()).status())
        .isEqualTo(404);
    assertThat(systemAdmin().as(null).get("/v2.0/no/such/" + member).status()).isEqualTo(404);

    var text = scrape();

    var members = "/v2.0/tool/organizations/{organizationId}/members/{memberId}";
    var samples = samples(text);
    assertThat(samples)
        .containsKey(
            "herald_http_requests_seconds_count{method=\"GET\",route=\""
                + members
                + "\",status=\"200\"}")
        .containsKey(
            "herald_http_requests_seconds_count{method=\"GET\",route=\""
                + members
                + "\",status=\"404\"}");
    assertThat(text).doesNotContain(member).doesNotContain(org.id);
    var routes = Pattern.compile("route=\"([^\"]*)\"").matcher(text);
    while (routes.find()) {
      var route = routes.group(1);
      assertThat(route).matches("unmatched|/[A-Za-z0-9.{}/_-]*");
      assertThat(route.replaceAll("\\{[A-Za-z]+}", ""))
          .as("a route with an id in it")
          .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}");
    }
  }

  /** A scrape taken once no delivery is pending on any channel. */
  private String awaitEmptyQueue() {
    return Eventually.await(
        "no pending deliveries (herald_queue_depth all 0)",
        Duration.ofSeconds(120),
        this::scrape,
        text ->
            samples(text).entrySet().stream()
                .filter(e -> e.getKey().startsWith("herald_queue_depth{"))
                .allMatch(e -> e.getValue() == 0));
  }

  private String scrape() {
    var reply = systemAdmin().as(null).get("/v2.0/metrics");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.body();
  }

  /** Every sample of a scrape, by series. */
  private static Map<String, Double> samples(String text) {
    var samples = new LinkedHashMap<String, Double>();
    for (var line : text.split("\n")) {
      var sample = SAMPLE.matcher(line);
      if (sample.matches()) {
        samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
      }
    }
    return samples;
  }

  /** How much a series grew between two scrapes; one that did not exist yet counts from 0. */
  private static long delta(String before, String after, String name, String labels) {
    var series = name + "{" + labels + "}";
    var then = samples(before).getOrDefault(series, 0.0);
    var now = samples(after).get(series);
    assertThat(now).as(series + " in " + after).isNotNull();
    return Math.round(now - then);
  }

  private static void register(Organization org, String memberId, String token) {
    var reply =
        org.token(memberId, "MEMBER")
            .post(org.path + "/devices", "{\"platform\":\"ios\",\"token\":\"" + token + "\"}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }
}
