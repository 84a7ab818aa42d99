package dev.herald.testing;

import static dev.herald.testing.DeliveryMatch.anythingTo;
import static dev.herald.testing.DeliveryMatch.emailTo;
import static dev.herald.testing.DeliveryMatch.ofNotification;
import static dev.herald.testing.DeliveryMatch.pushTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recording provider and the assertions on its record, in one JVM. */
class DeliveriesTest {

  private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

  private final RecordingProvider provider =
      new RecordingProvider(Recorder.SHARED, Clock.fixed(AT, ZoneOffset.UTC));
  private final Deliveries deliveries = Deliveries.recorded();

  @BeforeEach
  void clear() {
    deliveries.clear();
  }

  @Test
  void everyDeliveryIsRecordedAndReportedDelivered() throws Exception {
    var results =
        provider
            .send(List.of(push(1, "ann@x.example", "orders", "{\"orderId\":\"42\"}"), mail(2)))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);

    assertThat(results)
        .containsExactly(
            new DeliveryResult.Delivered("recorded-1"), new DeliveryResult.Delivered("recorded-2"));
    assertThat(deliveries.all())
        .containsExactly(
            new RecordedDelivery(
                "n-1",
                "push",
                "ios",
                "token-1",
                "ann@x.example",
                "Order shipped",
                "On its way",
                "orders",
                "jig",
                java.util.Map.of("orderId", "42"),
                AT),
            new RecordedDelivery(
                "n-2",
                "email",
                null,
                "bob@x.example",
                "bob@x.example",
                "Order shipped",
                "On its way",
                null,
                "jig",
                java.util.Map.of(),
                AT));
  }

  @Test
  void awaitFindsADeliveryRecordedWhileItWaits() {
    CompletableFuture.runAsync(
        () -> provider.send(List.of(push(3, "Ann@X.example", "orders", "{\"orderId\":42}"))),
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

    var found =
        deliveries.await(
            pushTo("ann@x.example").withJigId("orders").withInput("orderId", "42"),
            Duration.ofSeconds(5));

    assertThat(found.address()).isEqualTo("token-3");
  }

  @Test
  void aFailedAwaitSaysWhatItWantedAndWhatWasRecorded() {
    provider.send(List.of(push(4, "ann@x.example", "orders", "{\"orderId\":\"41\"}")));

    assertThatThrownBy(
            () ->
                deliveries.await(
                    pushTo("ann@x.example").withJigId("orders").withInput("orderId", "42"),
                    Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected a push to ann@x.example with jigId orders and input orderId=42 within 100"
                + " ms; recorded in this server:\n"
                + "  ios push to ann@x.example \"Order shipped\" jigId orders inputs"
                + " {orderId=41}");
  }

  @Test
  void assertNoneFailsOnlyWhenSomethingMatches() {
    provider.send(List.of(mail(5)));

    deliveries.assertNone(pushTo("bob@x.example"));
    deliveries.assertNone(anythingTo("ann@x.example"));
    assertThatThrownBy(() -> deliveries.assertNone(emailTo("bob@x.example")))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expected no an e-mail to bob@x.example; recorded in this server:");
    assertThat(deliveries.matching(ofNotification("n-5"))).hasSize(1);
  }

  @Test
  void clearForgetsEverything() {
    provider.send(List.of(mail(6)));
    deliveries.clear();

    assertThat(deliveries.all()).isEmpty();
  }

  @Test
  void theEndpointsJsonReadsBackAsTheSameDelivery() {
    provider.send(List.of(push(7, "ann@x.example", null, "{\"n\":1,\"list\":[1,2]}"), mail(8)));

    for (var recorded : deliveries.all()) {
      assertThat(RecordedDelivery.fromJson(recorded.toJson())).isEqualTo(recorded);
    }
    assertThat(deliveries.all().get(0).inputs())
        .containsEntry("n", "1")
        .containsEntry("list", "[1,2]");
  }

  private static Delivery push(long id, String member, String jigId, String inputs) {
    return new Delivery(
        id,
        "n-" + id,
        "push",
        "ios",
        "token-" + id,
        "Order shipped",
        "On its way",
        jigId,
        null,
        inputs,
        false,
        null,
        null,
        null,
        member);
  }

  private static Delivery mail(long id) {
    return new Delivery(
        id,
        "n-" + id,
        "email",
        null,
        "bob@x.example",
        "Order shipped",
        "On its way",
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        "bob@x.example");
  }
}
