package dev.herald.core.delivery;

import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands one claimed batch to a provider and always comes back with one result per delivery: a
 * delivery whose notification expired is not sent at all, and a provider that fails or does not
 * answer in time gets the whole batch back for a later retry.
 */
public final class BatchSender {

  private final Duration timeout;

  public BatchSender(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * @param ahead whether the batch is the lane's ({@link DeliveryProvider#sendAhead}), not a
   *     broadcast's
   */
  public List<DeliveryResult> send(
      DeliveryProvider provider, List<Delivery> batch, Instant now, boolean ahead) {
    var live =
        batch.stream().filter(d -> d.expiresAt() == null || d.expiresAt().isAfter(now)).toList();
    var sent = live.isEmpty() ? List.<DeliveryResult>of() : sendLive(provider, live, ahead);
    var results = new ArrayList<DeliveryResult>(batch.size());
    var next = 0;
    for (var delivery : batch) {
      if (next < live.size() && live.get(next) == delivery) {
        results.add(sent.get(next++));
      } else {
        results.add(new DeliveryResult.Rejected("expired before it could be delivered"));
      }
    }
    return results;
  }

  private List<DeliveryResult> sendLive(
      DeliveryProvider provider, List<Delivery> live, boolean ahead) {
    String failure;
    try {
      var results =
          (ahead ? provider.sendAhead(live) : provider.send(live))
              .toCompletableFuture()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (results != null
          && results.size() == live.size()
          && results.stream().allMatch(r -> r != null)) {
        return results;
      }
      failure =
          "provider returned "
              + (results == null ? "no" : results.size())
              + " results for "
              + live.size()
              + " deliveries";
    } catch (ExecutionException e) {
      failure = "provider failed: " + e.getCause();
    } catch (TimeoutException e) {
      failure = "provider did not answer within " + timeout.toSeconds() + " s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    } catch (RuntimeException e) {
      failure = "provider failed: " + e;
    }
    var reason = failure;
    return live.stream()
        .<DeliveryResult>map(d -> new DeliveryResult.RetryLater(null, reason))
        .toList();
  }
}
