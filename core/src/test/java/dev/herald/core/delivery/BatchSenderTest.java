package dev.herald.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BatchSenderTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private final BatchSender sender = new BatchSender(Duration.ofMillis(200));

  @Test
  void expiredDeliveriesAreNotSentAndResultsKeepTheirPlaces() {
    var sent = new ArrayList<Long>();
    var provider =
        provider(
            batch -> {
              batch.forEach(d -> sent.add(d.id()));
              return CompletableFuture.completedFuture(
                  batch.stream()
                      .<DeliveryResult>map(d -> new DeliveryResult.Delivered("m" + d.id()))
                      .toList());
            });
    var results =
        sender.send(
            provider,
            List.of(
                delivery(1, null),
                delivery(2, NOW.minusSeconds(1)),
                delivery(3, NOW.plusSeconds(60))),
            NOW,
            false);
    assertThat(sent).containsExactly(1L, 3L);
    assertThat(results.get(0)).isEqualTo(new DeliveryResult.Delivered("m1"));
    assertThat(results.get(1)).isInstanceOf(DeliveryResult.Rejected.class);
    assertThat(results.get(2)).isEqualTo(new DeliveryResult.Delivered("m3"));
  }

  @Test
  void aFailedOrSilentProviderGetsTheWholeBatchBack() {
    var failing =
        provider(batch -> CompletableFuture.failedFuture(new IllegalStateException("down")));
    var silent = provider(batch -> new CompletableFuture<>());
    var miscounting = provider(batch -> CompletableFuture.completedFuture(List.of()));
    for (var provider : List.of(failing, silent, miscounting)) {
      var results =
          sender.send(provider, List.of(delivery(1, null), delivery(2, null)), NOW, false);
      assertThat(results).hasSize(2).allMatch(r -> r instanceof DeliveryResult.RetryLater);
    }
  }

  @Test
  void aLaneBatchGoesToTheProvidersWayAheadAndOthersToItsUsualWay() {
    var ways = new ArrayList<String>();
    var provider =
        new DeliveryProvider() {
          @Override
          public int maxBatchSize() {
            return 100;
          }

          @Override
          public CompletionStage<List<DeliveryResult>> send(List<Delivery> batch) {
            ways.add("send " + batch.size());
            return CompletableFuture.completedFuture(delivered(batch));
          }

          @Override
          public CompletionStage<List<DeliveryResult>> sendAhead(List<Delivery> batch) {
            ways.add("ahead " + batch.size());
            return CompletableFuture.completedFuture(delivered(batch));
          }
        };

    sender.send(provider, List.of(delivery(1, null)), NOW, true);
    sender.send(provider, List.of(delivery(2, null), delivery(3, null)), NOW, false);

    assertThat(ways).containsExactly("ahead 1", "send 2");
    assertThat(provider(batch -> CompletableFuture.completedFuture(delivered(batch))))
        .as("by default a batch ahead is sent like any other")
        .satisfies(
            p ->
                assertThat(p.sendAhead(List.of(delivery(4, null))).toCompletableFuture().join())
                    .containsExactly(new DeliveryResult.Delivered("m4")));
  }

  private static List<DeliveryResult> delivered(List<Delivery> batch) {
    return batch.stream()
        .<DeliveryResult>map(d -> new DeliveryResult.Delivered("m" + d.id()))
        .toList();
  }

  private static Delivery delivery(long id, Instant expiresAt) {
    return new Delivery(
        id,
        "n",
        "push",
        "ios",
        "token-" + id,
        "t",
        "x",
        null,
        null,
        null,
        false,
        null,
        expiresAt,
        null);
  }

  private static DeliveryProvider provider(
      Function<List<Delivery>, CompletionStage<List<DeliveryResult>>> send) {
    return new DeliveryProvider() {
      @Override
      public int maxBatchSize() {
        return 100;
      }

      @Override
      public CompletionStage<List<DeliveryResult>> send(List<Delivery> batch) {
        return send.apply(batch);
      }
    };
  }
}
