package dev.herald.provider.apns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eatthepath.json.JsonParser;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.UnregisteredDeviceTokenException;
import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import dev.herald.spi.ProviderConfig;
import io.netty.handler.codec.http2.Http2Headers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The APNs provider against pushy's real mock APNs server, over TLS with token authentication. */
class ApnsProviderTest {

  private static final Instant GONE_SINCE = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir static Path keys;

  /** What the server saw, by device token. */
  private final Map<String, Received> received = new ConcurrentHashMap<>();

  private MockApnsServer server;
  private int port;
  private DeliveryProvider provider;

  private record Received(Http2Headers headers, String payload) {}

  @BeforeAll
  static void createKeys() throws Exception {
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout",
        keys.resolve("server-key.pem").toString(),
        "-out",
        keys.resolve("server-cert.pem").toString());
    openssl(
        "ecparam",
        "-name",
        "prime256v1",
        "-genkey",
        "-noout",
        "-out",
        keys.resolve("ec.pem").toString());
    openssl(
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        keys.resolve("ec.pem").toString(),
        "-out",
        keys.resolve("key.p8").toString());
  }

  @BeforeEach
  void start() throws Exception {
    server =
        new MockApnsServerBuilder()
            .setServerCredentials(
                keys.resolve("server-cert.pem").toFile(),
                keys.resolve("server-key.pem").toFile(),
                null)
            .setHandlerFactory(
                session ->
                    (headers, payload) -> {
                      var token = headers.path().toString().substring("/3/device/".length());
                      script(token);
                      received.put(
                          token, new Received(headers, payload.toString(StandardCharsets.UTF_8)));
                    })
            .build();
    port = server.start(0).get();
    provider = new ApnsProviderFactory().create(ProviderConfig.of(settings(Map.of())));
  }

  /** Tokens whose name says how the server answers. */
  private static void script(String token) throws RejectedNotificationException {
    if (token.startsWith("dead")) {
      throw new UnregisteredDeviceTokenException(GONE_SINCE);
    }
    if (token.startsWith("bad")) {
      throw new RejectedNotificationException(RejectionReason.BAD_DEVICE_TOKEN);
    }
    if (token.startsWith("c503")) {
      throw new RejectedNotificationException(RejectionReason.SERVICE_UNAVAILABLE);
    }
    if (token.startsWith("c429")) {
      throw new RejectedNotificationException(RejectionReason.TOO_MANY_REQUESTS);
    }
    if (token.startsWith("f0")) {
      throw new RejectedNotificationException(RejectionReason.PAYLOAD_TOO_LARGE);
    }
  }

  @AfterEach
  void stop() throws Exception {
    provider.close();
    server.shutdown().get();
  }

  @Test
  void thePayloadAndHeadersCarryTheNotificationAndItsDeepLink() throws Exception {
    var expiresAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    var delivery =
        new Delivery(
            7,
            "n-1",
            "push",
            "ios",
            "a1b2c3",
            "Winter sale",
            "20% off",
            "view-promotion",
            "jig",
            "{\"promo-code\":\"x-3654\",\"price\":34}",
            true,
            3,
            expiresAt,
            "high");

    var results = send(List.of(delivery));

    assertThat(results.get(0)).isInstanceOf(DeliveryResult.Delivered.class);
    var got = received.get("a1b2c3");
    var payload = new JsonParser().parseJsonObject(got.payload());
    @SuppressWarnings("unchecked")
    var aps = (Map<String, Object>) payload.get("aps");
    @SuppressWarnings("unchecked")
    var alert = (Map<String, Object>) aps.get("alert");
    assertThat(alert).containsEntry("title", "Winter sale").containsEntry("body", "20% off");
    assertThat(aps).containsEntry("sound", "default").containsEntry("badge", 3L);
    assertThat(payload)
        .containsEntry("notificationId", "n-1")
        .containsEntry("jigId", "view-promotion")
        .containsEntry("screen", "jig");
    assertThat(payload.get("inputs")).isEqualTo(Map.of("promo-code", "x-3654", "price", 34L));
    assertThat(got.headers().get("apns-topic").toString()).isEqualTo("dev.herald.test");
    assertThat(got.headers().get("apns-collapse-id").toString()).isEqualTo("n-1");
    assertThat(got.headers().get("apns-priority").toString()).isEqualTo("10");
    assertThat(got.headers().get("apns-push-type").toString()).isEqualTo("alert");
    assertThat(Long.parseLong(got.headers().get("apns-expiration").toString()))
        .isEqualTo(expiresAt.getEpochSecond());
  }

  @Test
  void deadTokensAreInvalidRecipientsAndBusyServersAreRetried() throws Exception {
    var results =
        send(
            List.of(
                delivery("dead01"),
                delivery("bad001"),
                delivery("c50301"),
                delivery("c42901"),
                delivery("f00001"),
                delivery("a00001")));

    assertThat(results.get(0))
        .isEqualTo(new DeliveryResult.InvalidRecipient(GONE_SINCE, "Unregistered"));
    assertThat(results.get(1))
        .isEqualTo(new DeliveryResult.InvalidRecipient(null, "BadDeviceToken"));
    assertThat(results.get(2)).isEqualTo(new DeliveryResult.RetryLater(null, "ServiceUnavailable"));
    assertThat(results.get(3)).isEqualTo(new DeliveryResult.RetryLater(null, "TooManyRequests"));
    assertThat(results.get(4)).isEqualTo(new DeliveryResult.Rejected("PayloadTooLarge"));
    assertThat(results.get(5)).isInstanceOf(DeliveryResult.Delivered.class);
  }

  @Test
  void aLargeBatchIsSentWithABoundedNumberInFlight() throws Exception {
    provider.close();
    provider =
        new ApnsProviderFactory()
            .create(ProviderConfig.of(settings(Map.of("max-in-flight", "50"))));
    var batch =
        IntStream.range(0, 3_000).mapToObj(i -> delivery(String.format("ab%06d", i))).toList();

    var results = send(batch);

    assertThat(results).hasSize(3_000).allMatch(r -> r instanceof DeliveryResult.Delivered);
    assertThat(received).hasSize(3_000);
  }

  @Test
  void anUnreachableServerMeansRetryLater() throws Exception {
    provider.close();
    server.shutdown().get();
    provider = new ApnsProviderFactory().create(ProviderConfig.of(settings(Map.of())));
    var results = send(List.of(delivery("a00002")));
    assertThat(results.get(0)).isInstanceOf(DeliveryResult.RetryLater.class);
    server =
        new MockApnsServerBuilder()
            .setServerCredentials(
                keys.resolve("server-cert.pem").toFile(),
                keys.resolve("server-key.pem").toFile(),
                null)
            .setHandlerFactory(session -> (headers, payload) -> {})
            .build();
    server.start(0).get();
  }

  @Test
  void badConfigurationIsRefusedNamingTheSetting() {
    var factory = new ApnsProviderFactory();
    assertThatThrownBy(() -> factory.create(ProviderConfig.of(Map.of("signing-key", "x"))))
        .hasMessageContaining("topic");
    var both = settings(Map.of("certificate", keys.resolve("key.p8").toString()));
    assertThatThrownBy(() -> factory.create(ProviderConfig.of(both)))
        .hasMessageContaining("not both");
    var neither = new HashMap<>(settings(Map.of()));
    neither.remove("signing-key");
    assertThatThrownBy(() -> factory.create(ProviderConfig.of(neither)))
        .hasMessageContaining("neither");
    var missing = settings(Map.of("signing-key", "/nonexistent.p8"));
    assertThatThrownBy(() -> factory.create(ProviderConfig.of(missing)))
        .hasMessageContaining("signing-key");
    var server = settings(Map.of("server", "staging"));
    server.remove("host");
    assertThatThrownBy(() -> factory.create(ProviderConfig.of(server)))
        .hasMessageContaining("server");
    assertThatThrownBy(
            () -> factory.create(ProviderConfig.of(settings(Map.of("max-in-flight", "0")))))
        .hasMessageContaining("max-in-flight");
  }

  private Map<String, String> settings(Map<String, String> overrides) {
    var settings = new HashMap<String, String>();
    settings.put("topic", "dev.herald.test");
    settings.put("signing-key", keys.resolve("key.p8").toString());
    settings.put("key-id", "KEYID12345");
    settings.put("team-id", "TEAMID1234");
    settings.put("host", "127.0.0.1");
    settings.put("port", Integer.toString(port));
    settings.put("trusted-certificate", keys.resolve("server-cert.pem").toString());
    settings.putAll(overrides);
    return settings;
  }

  private List<DeliveryResult> send(List<Delivery> batch) throws Exception {
    return provider.send(batch).toCompletableFuture().get();
  }

  private static Delivery delivery(String token) {
    return new Delivery(
        1, "n-" + token, "push", "ios", token, "t", "x", null, null, null, false, null, null, null);
  }

  private static void openssl(String... args) throws Exception {
    var command = new java.util.ArrayList<String>();
    command.add("openssl");
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("openssl failed: " + output);
    }
  }
}
