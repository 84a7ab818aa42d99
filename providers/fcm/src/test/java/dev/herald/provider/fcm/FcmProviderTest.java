package dev.herald.provider.fcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import dev.herald.spi.DeliveryResult.Delivered;
import dev.herald.spi.DeliveryResult.InvalidRecipient;
import dev.herald.spi.DeliveryResult.Rejected;
import dev.herald.spi.DeliveryResult.RetryLater;
import dev.herald.spi.ProviderConfig;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real firebase-admin client against a local endpoint that speaks FCM HTTP v1. */
class FcmProviderTest {

  private FakeFcm fcm;
  private final List<DeliveryProvider> providers = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    fcm = new FakeFcm();
  }

  @AfterEach
  void stop() {
    providers.forEach(DeliveryProvider::close);
    fcm.close();
  }

  @Test
  void theMessageCarriesNotificationDeepLinkAndAndroidOptions() throws Exception {
    var provider = provider(Map.of());
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
            Instant.now().plus(Duration.ofHours(1)),
            "high");

    var results = send(provider, List.of(delivery));

    assertThat(results).containsExactly(new Delivered("projects/herald-test/messages/m-tok-1"));
    var message = fcm.message("tok-1");
    assertThat(message.get("token").getAsString()).isEqualTo("tok-1");
    var notification = message.getAsJsonObject("notification");
    assertThat(notification.get("title").getAsString()).isEqualTo("Winter sale");
    assertThat(notification.get("body").getAsString()).isEqualTo("20% off");
    var data = message.getAsJsonObject("data");
    assertThat(data.keySet())
        .containsExactlyInAnyOrder("notificationId", "jigId", "screen", "inputs");
    assertThat(data.get("notificationId").getAsString()).isEqualTo("n-1");
    assertThat(data.get("jigId").getAsString()).isEqualTo("view-promotion");
    assertThat(data.get("screen").getAsString()).isEqualTo("jig");
    assertThat(data.get("inputs").getAsString()).isEqualTo("{\"promo-code\":\"x-3654\"}");
    var android = message.getAsJsonObject("android");
    assertThat(android.get("priority").getAsString()).isEqualTo("high");
    assertThat(android.get("collapse_key").getAsString()).isEqualTo("n-1");
    assertThat(android.get("ttl").getAsString()).matches("3[56]\\d\\ds");
    assertThat(android.getAsJsonObject("notification").get("sound").getAsString())
        .isEqualTo("default");
    assertThat(android.getAsJsonObject("notification").get("notification_count").getAsInt())
        .isEqualTo(4);
    assertThat(fcm.authorizations()).containsExactly("Bearer test-token");
  }

  @Test
  void aPlainDeliveryLeavesOutWhatItDoesNotHave() throws Exception {
    var provider = provider(Map.of());
    var delivery =
        new Delivery(
            4, "n-2", "push", "android", "tok-2", "Hi", "there", null, null, null, false, null,
            null, "normal");

    assertThat(send(provider, List.of(delivery))).singleElement().isInstanceOf(Delivered.class);

    var message = fcm.message("tok-2");
    assertThat(message.getAsJsonObject("data").keySet())
        .containsExactlyInAnyOrder("notificationId", "screen", "inputs");
    assertThat(message.getAsJsonObject("data").get("inputs").getAsString()).isEqualTo("{}");
    var android = message.getAsJsonObject("android");
    assertThat(android.get("priority").getAsString()).isEqualTo("normal");
    assertThat(android.has("ttl")).as("no expiry, no ttl").isFalse();
    assertThat(android.has("notification")).as("no sound, no badge").isFalse();
  }

  @Test
  void theErrorMatrixInInputOrder() throws Exception {
    var provider = provider(Map.of());
    fcm.script(
        token ->
            switch (token) {
              case "dead" ->
                  FakeFcm.error(
                      404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED");
              case "other-sender" ->
                  FakeFcm.error(
                      403, "PERMISSION_DENIED", "SenderId mismatch", "SENDER_ID_MISMATCH");
              case "bad" ->
                  FakeFcm.error(
                      400,
                      "INVALID_ARGUMENT",
                      "The registration token is not a valid FCM registration token",
                      "INVALID_ARGUMENT");
              case "malformed" ->
                  FakeFcm.error(
                      400,
                      "INVALID_ARGUMENT",
                      "Request contains an invalid argument.",
                      "INVALID_ARGUMENT",
                      "message.token");
              case "payload" ->
                  FakeFcm.error(
                      400,
                      "INVALID_ARGUMENT",
                      "Invalid value at 'message.android.ttl'",
                      "INVALID_ARGUMENT",
                      "message.android.ttl");
              case "quota" ->
                  FakeFcm.error(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", "QUOTA_EXCEEDED")
                      .withHeader("Retry-After", "7");
              case "down" ->
                  FakeFcm.error(503, "UNAVAILABLE", "The service is unavailable.", "UNAVAILABLE")
                      .withHeader("Retry-After", "120");
              case "broken" -> FakeFcm.error(500, "INTERNAL", "Internal error.", "INTERNAL");
              case "apns-auth" ->
                  FakeFcm.error(
                      401, "UNAUTHENTICATED", "Auth error from APNs", "THIRD_PARTY_AUTH_ERROR");
              case "forbidden" ->
                  FakeFcm.error(
                      403,
                      "PERMISSION_DENIED",
                      "Permission 'cloudmessaging.messages.create' denied",
                      null);
              case "proxy" -> new FakeFcm.Answer(502, "<html>Bad Gateway</html>", Map.of());
              default -> FakeFcm.Answer.ok("herald-test", token);
            });
    var tokens =
        List.of(
            "ok-1",
            "dead",
            "other-sender",
            "bad",
            "malformed",
            "payload",
            "quota",
            "down",
            "broken",
            "apns-auth",
            "forbidden",
            "proxy",
            "ok-2");

    var results = send(provider, tokens.stream().map(FcmProviderTest::delivery).toList());

    assertThat(results).hasSize(tokens.size());
    assertThat(results.get(0)).isEqualTo(new Delivered("projects/herald-test/messages/m-ok-1"));
    assertThat(results.get(1)).isInstanceOf(InvalidRecipient.class);
    assertThat(((InvalidRecipient) results.get(1)).reason()).startsWith("UNREGISTERED");
    assertThat(((InvalidRecipient) results.get(1)).invalidSince()).isNull();
    assertThat(results.get(2)).isInstanceOf(InvalidRecipient.class);
    assertThat(results.get(3)).as("bad token").isInstanceOf(InvalidRecipient.class);
    assertThat(results.get(4)).as("field message.token").isInstanceOf(InvalidRecipient.class);
    assertThat(results.get(5)).as("not the token's fault").isInstanceOf(Rejected.class);
    assertThat(results.get(6)).isEqualTo(retryLater(results.get(6), Duration.ofSeconds(7)));
    assertThat(results.get(7)).isEqualTo(retryLater(results.get(7), Duration.ofSeconds(120)));
    assertThat(results.get(8)).isEqualTo(retryLater(results.get(8), null));
    // the JDK's HttpURLConnection drops the body of any 401 to a streamed request, so over the
    // test transport FCM's code is lost and the status is what is left: Rejected all the same
    assertThat(results.get(9)).isInstanceOf(Rejected.class);
    assertThat(((Rejected) results.get(9)).reason()).contains("401");
    assertThat(results.get(10)).isInstanceOf(Rejected.class);
    assertThat(results.get(11)).as("a proxy's 5xx").isInstanceOf(RetryLater.class);
    assertThat(results.get(12)).isEqualTo(new Delivered("projects/herald-test/messages/m-ok-2"));
    // a Retry-After beyond firebase-admin's one-minute limit: it hands the 503 straight back
    assertThat(fcm.requests("down")).isEqualTo(1);
  }

  @Test
  void retryAfterMayBeAnHttpDate() throws Exception {
    var provider = provider(Map.of());
    var at = Instant.now().plusSeconds(90).atOffset(ZoneOffset.UTC);
    fcm.script(
        token ->
            FakeFcm.error(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", "QUOTA_EXCEEDED")
                .withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(at)));

    var result = (RetryLater) send(provider, List.of(delivery("quota"))).get(0);

    assertThat(result.retryAfter()).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(90));
  }

  @Test
  void firebaseAdminRetriesA503ItselfABoundedNumberOfTimesAndItIsReportedOnce() throws Exception {
    var provider = provider(Map.of());
    fcm.script(token -> FakeFcm.error(503, "UNAVAILABLE", "Try again.", "UNAVAILABLE"));

    var results = send(provider, List.of(delivery("down")));

    assertThat(results).singleElement().isInstanceOf(RetryLater.class);
    assertThat(((RetryLater) results.get(0)).reason()).startsWith("UNAVAILABLE");
    assertThat(((RetryLater) results.get(0)).retryAfter()).isNull();
    // firebase-admin 9.4.3: 503 only, 4 retries, 0.5 + 1 + 2 + 4 s apart
    assertThat(fcm.requests("down")).isEqualTo(5);
  }

  @Test
  void aServiceThatDoesNotAnswerTurnsIntoRetryLaterAndFreesTheSlot() throws Exception {
    var provider = provider(Map.of("max-in-flight", "1"), Duration.ofSeconds(2));
    var answerNow = new CountDownLatch(1);
    fcm.script(
        token -> {
          if (token.equals("hung")) {
            answerNow.await(30, TimeUnit.SECONDS);
          }
          return FakeFcm.Answer.ok("herald-test", token);
        });

    var hung = send(provider, List.of(delivery("hung")));
    answerNow.countDown();
    var next = send(provider, List.of(delivery("ok")));

    assertThat(hung).singleElement().isInstanceOf(RetryLater.class);
    assertThat(((RetryLater) hung.get(0)).reason()).contains("did not answer");
    assertThat(next).containsExactly(new Delivered("projects/herald-test/messages/m-ok"));
  }

  @Test
  void theDeadlineInterruptsFirebaseAdminsOwnRetrySleep() throws Exception {
    // one slot and one thread: "ok" is only answered in time if that thread stops sleeping
    var provider = provider(Map.of("max-in-flight", "1"), Duration.ofSeconds(2));
    fcm.script(
        token ->
            token.equals("down")
                ? FakeFcm.error(503, "UNAVAILABLE", "Try again.", "UNAVAILABLE")
                    .withHeader("Retry-After", "30")
                : FakeFcm.Answer.ok("herald-test", token));

    var down = send(provider, List.of(delivery("down")));
    var next = send(provider, List.of(delivery("ok")));

    assertThat(down).singleElement().isInstanceOf(RetryLater.class);
    assertThat(next).containsExactly(new Delivered("projects/herald-test/messages/m-ok"));
    assertThat(fcm.requests("down")).as("no retry after the interrupt").isEqualTo(1);
  }

  @Test
  void anEndpointThatRefusesConnectionsIsRetriedLater() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var provider = provider(Map.of("endpoint", "http://127.0.0.1:" + closedPort));

    var results = send(provider, List.of(delivery("ok")));

    assertThat(results).singleElement().isInstanceOf(RetryLater.class);
  }

  @Test
  void whatCannotBeSentIsAnsweredWithoutAskingFcm() throws Exception {
    var provider = provider(Map.of());
    var negativeBadge =
        new Delivery(
            1, "n", "push", "android", "tok-3", "t", "x", null, null, null, false, -1, null, null);

    var results = send(provider, List.of(delivery(" "), negativeBadge, delivery("ok")));

    assertThat(results.get(0)).isInstanceOf(InvalidRecipient.class);
    assertThat(results.get(1)).isInstanceOf(Rejected.class);
    assertThat(results.get(2)).isInstanceOf(Delivered.class);
    assertThat(fcm.received()).hasSize(1);
  }

  @Test
  void batchesFromSeveralThreadsCompleteInOrderWithinTheInFlightBound() throws Exception {
    var provider = provider(Map.of("max-in-flight", "16"));
    var callers = 4;
    var perCaller = 750;

    var batches = new ArrayList<CompletableFuture<List<DeliveryResult>>>();
    for (int c = 0; c < callers; c++) {
      var caller = c;
      var batch =
          IntStream.range(0, perCaller).mapToObj(i -> delivery("c" + caller + "-" + i)).toList();
      batches.add(
          CompletableFuture.supplyAsync(() -> provider.send(batch)).thenCompose(stage -> stage));
    }

    for (int c = 0; c < callers; c++) {
      var results = batches.get(c).get(2, TimeUnit.MINUTES);
      assertThat(results).hasSize(perCaller);
      for (int i = 0; i < perCaller; i++) {
        assertThat(results.get(i))
            .isEqualTo(new Delivered("projects/herald-test/messages/m-c" + c + "-" + i));
      }
    }
    assertThat(fcm.received()).hasSize(callers * perCaller);
    assertThat(fcm.highestConcurrency()).isBetween(1, 16);
  }

  @Test
  void sendingStartsNoThreadPerMessage() throws Exception {
    var provider = provider(Map.of("max-in-flight", "16"));
    send(provider, IntStream.range(0, 20).mapToObj(i -> delivery("warm-" + i)).toList());
    var threads = ManagementFactory.getThreadMXBean();
    var before = threads.getTotalStartedThreadCount();

    send(provider, IntStream.range(0, 500).mapToObj(i -> delivery("m-" + i)).toList());

    // at most the provider's 16 and the fake server's 64 handler threads, never one per message
    assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(100);
  }

  @Test
  void closeStopsTheThreadsAndLaterSendsFail() throws Exception {
    var provider = provider(Map.of("max-in-flight", "8"));
    send(provider, IntStream.range(0, 50).mapToObj(i -> delivery("ok-" + i)).toList());
    var threads =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("herald-fcm-"))
            .toList();
    assertThat(threads).isNotEmpty();

    provider.close();

    for (var thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(15));
      assertThat(thread.isAlive()).as(thread.getName()).isFalse();
    }
    assertThatThrownBy(() -> send(provider, List.of(delivery("ok"))))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  private DeliveryProvider provider(Map<String, String> overrides) {
    return provider(overrides, FcmProviderFactory.PATIENCE);
  }

  private DeliveryProvider provider(Map<String, String> overrides, Duration patience) {
    var settings =
        new java.util.HashMap<>(
            Map.of(
                "project-id", "herald-test", "access-token", "test-token", "endpoint", fcm.url()));
    settings.putAll(overrides);
    var provider = new FcmProviderFactory().create(ProviderConfig.of(settings), patience);
    providers.add(provider);
    return provider;
  }

  private static List<DeliveryResult> send(DeliveryProvider provider, List<Delivery> batch)
      throws Exception {
    return provider.send(batch).toCompletableFuture().get(2, TimeUnit.MINUTES);
  }

  private static RetryLater retryLater(DeliveryResult actual, Duration retryAfter) {
    assertThat(actual).isInstanceOf(RetryLater.class);
    return new RetryLater(retryAfter, ((RetryLater) actual).reason());
  }

  static Delivery delivery(String token) {
    return new Delivery(
        1, "n", "push", "android", token, "t", "x", null, null, null, false, null, null, null);
  }
}
