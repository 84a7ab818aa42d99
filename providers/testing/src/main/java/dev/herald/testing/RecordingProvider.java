package dev.herald.testing;

import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Records every delivery and reports it delivered, with a message id of its own. */
final class RecordingProvider implements DeliveryProvider {

  private final Recorder recorder;
  private final Clock clock;

  RecordingProvider(Recorder recorder, Clock clock) {
    this.recorder = recorder;
    this.clock = clock;
  }

  @Override
  public int maxBatchSize() {
    return 100;
  }

  @Override
  public CompletionStage<List<DeliveryResult>> send(List<Delivery> batch) {
    var results =
        batch.stream()
            .<DeliveryResult>map(
                delivery -> {
                  recorder.add(RecordedDelivery.of(delivery, clock.instant()));
                  return new DeliveryResult.Delivered("recorded-" + delivery.id());
                })
            .toList();
    return CompletableFuture.completedFuture(results);
  }
}
