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
            NOW);
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
      var results = sender.send(provider, List.of(delivery(1, null), delivery(2, null)), NOW);
      assertThat(results).hasSize(2).allMatch(r -> r instanceof DeliveryResult.RetryLater);
    }
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
