package dev.herald.spi;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Sends batches of deliveries over one channel. Implementations are thread-safe: Herald may call
 * {@link #send} from several threads at once.
 *
 * @since 0.1
 */
public interface DeliveryProvider extends AutoCloseable {

  /**
   * The largest batch {@link #send} accepts, and how many deliveries the provider can have under
   * way at once: Herald's concurrent batches of a channel together stay within it, so that a new
   * notification's delivery never queues inside the provider behind a broadcast's.
   */
  int maxBatchSize();

  /**
   * Sends a batch. The stage completes with exactly one result per delivery, in input order. A
   * stage that completes exceptionally means the whole batch is retried later with backoff.
   */
  CompletionStage<List<DeliveryResult>> send(List<Delivery> batch);

  /**
   * Sends a batch from Herald's lane: deliveries of notifications whose whole audience fit in one
   * chunk of the fan-out, such as a message to one member, which should not wait behind a
   * broadcast's batches. A provider whose sends share a queue (connections, threads) may give these
   * a way of their own; the default sends them like any other batch. Same contract as {@link
   * #send}.
   */
  default CompletionStage<List<DeliveryResult>> sendAhead(List<Delivery> batch) {
    return send(batch);
  }

  /** Releases connections and threads; the default does nothing. */
  @Override
  default void close() {}
}
