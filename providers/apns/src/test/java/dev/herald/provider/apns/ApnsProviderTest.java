package dev.herald.provider.apns;

import static dev.herald.provider.apns.MockApns.GONE_SINCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.json.JsonParser;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import dev.herald.spi.DeliveryResult.Delivered;
import dev.herald.spi.DeliveryResult.InvalidRecipient;
import dev.herald.spi.DeliveryResult.Rejected;
import dev.herald.spi.DeliveryResult.RetryLater;
import dev.herald.spi.ProviderConfig;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The APNs provider against pushy's real mock APNs server, over TLS with token authentication. */
class ApnsProviderTest {

  @TempDir static Path dir;
  private static TestKeys keys;

  private MockApns apns;
  private DeliveryProvider provider;

  @BeforeAll
  static void createKeys() throws Exception {
    keys = TestKeys.create(dir);
  }

  @BeforeEach
  void start() throws Exception {
    apns = new MockApns(keys);
    provider = provider(Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    provider.close();
    apns.close();
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
            "20% off \"everything\"",
            "view-promotion",
            "jig",
            "{\"promo-code\":\"x-3654\",\"price\":34,\"tags\":[\"a\",true],\"deep\":{\"k\":null}}",
            true,
            3,
            expiresAt,
            "high");

    var results = send(List.of(delivery));

    var delivered = (Delivered) results.get(0);
    assertThat(UUID.fromString(delivered.providerMessageId())).isNotNull();
    var got = apns.accepted.get("a1b2c3");
    var payload = json(got.payload());
    var aps = map(payload.get("aps"));
    assertThat(map(aps.get("alert")))
        .containsOnly(
            Map.entry("title", "Winter sale"), Map.entry("body", "20% off \"everything\""));
    assertThat(aps).containsEntry("sound", "default").containsEntry("badge", 3L);
    assertThat(payload)
        .containsOnlyKeys("aps", "notificationId", "jigId", "screen", "inputs")
        .containsEntry("notificationId", "n-1")
        .containsEntry("jigId", "view-promotion")
        .containsEntry("screen", "jig");
    var deep = new HashMap<String, Object>();
    deep.put("k", null);
    assertThat(map(payload.get("inputs")))
        .containsOnly(
            Map.entry("promo-code", "x-3654"),
            Map.entry("price", 34L),
            Map.entry("tags", List.of("a", true)),
            Map.entry("deep", deep));
    assertThat(got.headers())
        .containsEntry("apns-topic", "dev.herald.test")
        .containsEntry("apns-collapse-id", "n-1")
        .containsEntry("apns-priority", "10")
        .containsEntry("apns-push-type", "alert")
        .containsEntry("apns-expiration", Long.toString(expiresAt.getEpochSecond()));
  }

  @Test
  void whatIsNotSetIsLeftOutAndNormalPriorityConservesPower() throws Exception {
    var before = Instant.now();
    var results =
        send(
            List.of(
                new Delivery(
                    8, "n-2", "push", "ios", "a4b5c6", "Hi", "There", null, null, null, false, null,
                    null, "normal")));
    var after = Instant.now();

    assertThat(results.get(0)).isInstanceOf(Delivered.class);
    var got = apns.accepted.get("a4b5c6");
    var payload = json(got.payload());
    assertThat(payload).containsOnlyKeys("aps", "notificationId", "screen", "inputs");
    assertThat(map(payload.get("aps"))).containsOnlyKeys("alert");
    assertThat(map(payload.get("inputs"))).isEmpty();
    assertThat(got.headers()).containsEntry("apns-priority", "5");
    // no expiry of its own: pushy's default of one day from sending
    assertThat(Long.parseLong(got.headers().get("apns-expiration")))
        .isBetween(
            before.plus(Duration.ofDays(1)).getEpochSecond(),
            after.plus(Duration.ofDays(1)).getEpochSecond());
  }

  @Test
  void deadTokensAreInvalidRecipients() throws Exception {
    var results = send(List.of(delivery("dead01"), delivery("bad001"), delivery("topc01")));

    assertThat(results)
        .containsExactly(
            new InvalidRecipient(GONE_SINCE, "Unregistered"),
            new InvalidRecipient(null, "BadDeviceToken"),
            new InvalidRecipient(null, "DeviceTokenNotForTopic"));
  }

  @Test
  void busyOrFailingApnsMeansRetryLaterAndOtherRejectionsArePermanent() throws Exception {
    var results =
        send(
            List.of(
                delivery("c50301"),
                delivery("c42901"),
                delivery("c50001"),
                delivery("shut01"),
                delivery("big001")));

    assertThat(results)
        .containsExactly(
            new RetryLater(null, "ServiceUnavailable"),
            new RetryLater(null, "TooManyRequests"),
            new RetryLater(null, "InternalServerError"),
            new RetryLater(null, "Shutdown"),
            new Rejected("PayloadTooLarge"));
  }

  @Test
  void aMixedBatchIsAnsweredInInputOrder() throws Exception {
    var prefixes = List.of("dead", "a000", "c503", "bad0", "big0", "c429", "a111");
    var batch =
        IntStream.range(0, 700)
            .mapToObj(i -> delivery(prefixes.get(i % prefixes.size()) + String.format("%06d", i)))
            .toList();

    var results = send(batch);

    assertThat(results).hasSize(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      var expected =
          switch (prefixes.get(i % prefixes.size())) {
            case "dead" -> InvalidRecipient.class;
            case "bad0" -> InvalidRecipient.class;
            case "c503", "c429" -> RetryLater.class;
            case "big0" -> Rejected.class;
            default -> Delivered.class;
          };
      assertThat(results.get(i)).as("result %d", i).isInstanceOf(expected);
    }
    var ids = new HashSet<String>();
    results.stream()
        .filter(r -> r instanceof Delivered)
        .forEach(r -> ids.add(((Delivered) r).providerMessageId()));
    assertThat(ids).hasSize(200);
  }

  @Test
  void inputsThatAreNotJsonAreRejectedWithoutHarmingTheRestOfTheBatch() throws Exception {
    var broken =
        new Delivery(
            9,
            "n-3",
            "push",
            "ios",
            "a7b8c9",
            "t",
            "x",
            null,
            null,
            "not json",
            false,
            null,
            null,
            null);

    var results = send(List.of(delivery("a00001"), broken, delivery("a00002")));

    assertThat(results.get(0)).isInstanceOf(Delivered.class);
    assertThat(results.get(1)).isInstanceOf(Rejected.class);
    assertThat(((Rejected) results.get(1)).reason()).contains("inputs");
    assertThat(results.get(2)).isInstanceOf(Delivered.class);
    assertThat(apns.accepted).containsOnlyKeys("a00001", "a00002");
  }

  @Test
  void aLargeBatchIsAllDeliveredThroughFewSlots() throws Exception {
    provider.close();
    provider = provider(Map.of("max-in-flight", "100"));
    var batch =
        IntStream.range(0, 5_000).mapToObj(i -> delivery(String.format("ab%06d", i))).toList();

    var results = send(batch);

    assertThat(results).hasSize(5_000).allMatch(r -> r instanceof Delivered);
    assertThat(apns.accepted).hasSize(5_000);
    assertThat(provider.maxBatchSize()).isEqualTo(100);
  }

  @Test
  void severalThreadsSendingTogetherNeverHaveMoreInFlightThanAllowed() throws Exception {
    var group = new NioEventLoopGroup(2);
    var client =
        new ApnsClientBuilder()
            .setApnsServer("127.0.0.1", apns.port)
            .setSigningKey(
                ApnsSigningKey.loadFromPkcs8File(
                    keys.signingKey().toFile(), "TEAMID1234", "KEYID12345"))
            .setTrustedServerCertificateChain(keys.serverCertificate().toFile())
            .setConcurrentConnections(2)
            .setEventLoopGroup(group)
            .build();
    var now = new AtomicInteger();
    var peak = new AtomicInteger();
    ApnsProvider.Sender counting =
        notification -> {
          peak.accumulateAndGet(now.incrementAndGet(), Math::max);
          // the provider's own stages hang on this one, so the count drops before a slot frees
          return client
              .sendNotification(notification)
              .whenComplete((r, e) -> now.decrementAndGet());
        };
    var bounded =
        new ApnsProvider(
            counting,
            new ApnsTraffic(),
            () -> {
              client.close().join();
              group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            },
            "dev.herald.test",
            100,
            Duration.ofSeconds(20),
            Duration.ofSeconds(20));
    try {
      var sends = new ArrayList<CompletableFuture<List<DeliveryResult>>>();
      for (int thread = 0; thread < 4; thread++) {
        var batch =
            IntStream.range(0, 1_250)
                .mapToObj(i -> delivery(String.format("ab%06d", sends.size() * 10_000 + i)))
                .toList();
        sends.add(CompletableFuture.supplyAsync(() -> bounded.send(batch)).thenCompose(s -> s));
      }
      for (var send : sends) {
        assertThat(send.get()).hasSize(1_250).allMatch(r -> r instanceof Delivered);
      }
    } finally {
      bounded.close();
    }
    assertThat(apns.accepted).hasSize(5_000);
    assertThat(peak.get()).isBetween(2, 100);
    assertThat(now.get()).isZero();
  }

  @Test
  void theClientsCountsSayEveryPushWasWrittenAndAnswered() throws Exception {
    // without the connection check's pushes, which the counts include once they are written
    provider.close();
    provider = provider(Map.of("connect-at-start", "false"));
    var batch = IntStream.range(0, 300).mapToObj(i -> delivery("cafe%04d".formatted(i))).toList();
    assertThat(send(batch)).allMatch(r -> r instanceof Delivered);

    var traffic = ((ApnsProvider) provider).traffic();
    // pushy counts a write in a listener of the write, which can run just after the answer to
    // that push was handed back (one in 300 once, on a busy machine): let the counts settle
    var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((traffic.written() < 300 || traffic.answered() < 300) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(traffic.written()).isEqualTo(300);
    assertThat(traffic.answered()).isEqualTo(300);
    assertThat(traffic.toString())
        .startsWith("300 handed to the client, 300 written to a connection, 300 answered,")
        .contains("0 failed to write");
  }

  @Test
  void anUnreachableApnsMeansRetryLater() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    provider.close();
    provider = provider(Map.of("port", Integer.toString(closedPort)));

    var results = send(List.of(delivery("a00002"), delivery("a00003")));

    assertThat(results).hasSize(2).allMatch(r -> r instanceof RetryLater);
    assertThat(((RetryLater) results.get(0)).reason()).startsWith("APNs request failed");
    assertThat(((RetryLater) results.get(0)).retryAfter()).isNull();
  }

  private DeliveryProvider provider(Map<String, String> overrides) {
    var settings = MockApns.providerSettings(keys, apns.port);
    settings.putAll(overrides);
    return new ApnsProviderFactory().create(ProviderConfig.of(settings));
  }

  private List<DeliveryResult> send(List<Delivery> batch) throws Exception {
    return provider.send(batch).toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static Delivery delivery(String token) {
    return new Delivery(
        1, "n-" + token, "push", "ios", token, "t", "x", null, null, null, false, null, null, null);
  }

  private static Map<String, Object> json(String text) throws Exception {
    return new JsonParser().parseJsonObject(text);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
