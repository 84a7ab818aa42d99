package dev.herald.provider.fcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import dev.herald.spi.ProviderConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real firebase-admin client against a local endpoint that speaks FCM HTTP v1. */
class FcmProviderTest {

  private final Map<String, JsonObject> received = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private DeliveryProvider provider;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/v1/projects/herald-test/messages:send",
        exchange -> {
          requests.incrementAndGet();
          var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          var message = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("message");
          var token = message.get("token").getAsString();
          received.put(token, message);
          var answer = answer(token);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          if (token.startsWith("quota")) {
            exchange.getResponseHeaders().add("Retry-After", "7");
          }
          var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer.status(), bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    provider = new FcmProviderFactory().create(ProviderConfig.of(settings()));
  }

  private record Answer(int status, String body) {}

  /** Tokens whose name says how FCM answers. */
  private static Answer answer(String token) {
    if (token.startsWith("dead")) {
      return error(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED");
    }
    if (token.startsWith("bad")) {
      return error(
          400,
          "INVALID_ARGUMENT",
          "The registration token is not a valid FCM registration token",
          "INVALID_ARGUMENT");
    }
    if (token.startsWith("quota")) {
      return error(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", "QUOTA_EXCEEDED");
    }
    if (token.startsWith("down")) {
      return error(503, "UNAVAILABLE", "The service is unavailable.", "UNAVAILABLE");
    }
    if (token.startsWith("payload")) {
      return error(
          400, "INVALID_ARGUMENT", "Invalid value at 'message.android.ttl'", "INVALID_ARGUMENT");
    }
    return new Answer(200, "{\"name\":\"projects/herald-test/messages/m-" + token + "\"}");
  }

  private static Answer error(int status, String grpc, String message, String fcmCode) {
    return new Answer(
        status,
        "{\"error\":{\"code\":"
            + status
            + ",\"status\":\""
            + grpc
            + "\",\"message\":\""
            + message
            + "\",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
            + "\"errorCode\":\""
            + fcmCode
            + "\"}]}}");
  }

  @AfterEach
  void stop() {
    provider.close();
    server.stop(0);
  }

  @Test
  void theMessageCarriesNotificationDeepLinkAndAndroidOptions() throws Exception {
    var expiresAt = Instant.now().plus(Duration.ofHours(1));
    var delivery =
        new Delivery(
            3,
            "n-1",
            "push",
            "android",
            "tok-1",
            "Winter sale",
            "20% off",
            "view-promotion",
            "jig",
            "{\"promo-code\":\"x-3654\"}",
            true,
            4,
            expiresAt,
            "high");

    var results = send(List.of(delivery));

    assertThat(results.get(0))
        .isEqualTo(new DeliveryResult.Delivered("projects/herald-test/messages/m-tok-1"));
    var message = received.get("tok-1");
    assertThat(message.getAsJsonObject("notification").get("title").getAsString())
        .isEqualTo("Winter sale");
    assertThat(message.getAsJsonObject("notification").get("body").getAsString())
        .isEqualTo("20% off");
    var data = message.getAsJsonObject("data");
    assertThat(data.get("notificationId").getAsString()).isEqualTo("n-1");
    assertThat(data.get("jigId").getAsString()).isEqualTo("view-promotion");
    assertThat(data.get("screen").getAsString()).isEqualTo("jig");
    assertThat(data.get("inputs").getAsString()).isEqualTo("{\"promo-code\":\"x-3654\"}");
    var android = message.getAsJsonObject("android");
    assertThat(android.get("priority").getAsString()).isEqualTo("high");
    assertThat(android.get("collapse_key").getAsString()).isEqualTo("n-1");
    var ttlSeconds = Double.parseDouble(android.get("ttl").getAsString().replace("s", ""));
    assertThat(ttlSeconds).isBetween(3_500.0, 3_600.0);
    assertThat(android.getAsJsonObject("notification").get("sound").getAsString())
        .isEqualTo("default");
    assertThat(android.getAsJsonObject("notification").get("notification_count").getAsInt())
        .isEqualTo(4);
  }

  @Test
  void theErrorMatrix() throws Exception {
    var results =
        send(
            List.of(
                delivery("dead-1"),
                delivery("bad-1"),
                delivery("quota-1"),
                delivery("payload-1"),
                delivery("ok-1")));

    assertThat(results.get(0)).isInstanceOf(DeliveryResult.InvalidRecipient.class);
    assertThat(((DeliveryResult.InvalidRecipient) results.get(0)).reason())
        .startsWith("UNREGISTERED");
    assertThat(results.get(1)).isInstanceOf(DeliveryResult.InvalidRecipient.class);
    assertThat(results.get(2)).isInstanceOf(DeliveryResult.RetryLater.class);
    assertThat(((DeliveryResult.RetryLater) results.get(2)).retryAfter())
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(results.get(3)).isInstanceOf(DeliveryResult.Rejected.class);
    assertThat(results.get(4)).isInstanceOf(DeliveryResult.Delivered.class);
  }

  @Test
  void anUnavailableServiceIsRetriedLaterAfterTheClientsOwnBoundedRetries() throws Exception {
    var results = send(List.of(delivery("down-1")));

    assertThat(results.get(0)).isInstanceOf(DeliveryResult.RetryLater.class);
    assertThat(((DeliveryResult.RetryLater) results.get(0)).reason()).startsWith("UNAVAILABLE");
    assertThat(requests.get()).as("firebase-admin's own retries are few").isBetween(1, 5);
  }

  @Test
  void aLargeBatchCompletesInOrder() throws Exception {
    var batch = IntStream.range(0, 2_000).mapToObj(i -> delivery("ok-" + i)).toList();

    var results = send(batch);

    assertThat(results).hasSize(2_000);
    for (int i = 0; i < results.size(); i++) {
      assertThat(results.get(i))
          .isEqualTo(new DeliveryResult.Delivered("projects/herald-test/messages/m-ok-" + i));
    }
  }

  @Test
  void badConfigurationIsRefusedNamingTheSetting() {
    var factory = new FcmProviderFactory();
    assertThatThrownBy(() -> factory.create(ProviderConfig.of(Map.of("access-token", "t"))))
        .hasMessageContaining("project-id");
    assertThatThrownBy(() -> factory.create(ProviderConfig.of(Map.of("project-id", "p"))))
        .hasMessageContaining("service-account-file");
    assertThatThrownBy(
            () ->
                factory.create(
                    ProviderConfig.of(
                        Map.of("project-id", "p", "service-account-file", "/nonexistent.json"))))
        .hasMessageContaining("service-account-file");
    assertThatThrownBy(
            () ->
                factory.create(
                    ProviderConfig.of(
                        Map.of("project-id", "p", "access-token", "t", "endpoint", "ftp://x"))))
        .hasMessageContaining("endpoint");
  }

  private Map<String, String> settings() {
    return Map.of(
        "project-id", "herald-test",
        "access-token", "test-token",
        "endpoint", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  private List<DeliveryResult> send(List<Delivery> batch) throws Exception {
    return provider.send(batch).toCompletableFuture().get();
  }

  private static Delivery delivery(String token) {
    return new Delivery(
        1, "n", "push", "android", token, "t", "x", null, null, null, false, null, null, null);
  }
}
