package dev.herald.provider.fcm;

import com.google.api.client.http.HttpTransport;
import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.Message;
import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends each delivery as its own FCM request ({@code sendAsync}) on the provider's threads.
 *
 * <p>Per message rather than {@code sendEach}: that makes one request per message on the same
 * threads anyway, but answers only when the slowest message of its chunk is done, so a slot could
 * not be given back per message, one odd exception would fail the whole chunk, and no message could
 * be given up on alone.
 *
 * <p>A semaphore caps the messages handed to firebase-admin and not yet answered: a send waits for
 * a free slot, and gives it back when the message's result is known. firebase-admin retries a 503
 * itself (up to 4 times, sleeping as Retry-After says when that is at most a minute), so each
 * message also has a deadline: at the deadline it becomes {@code RetryLater}, firebase-admin's work
 * on it is cancelled (its retry sleep interrupted) and the slot is free again. Every delivery gets
 * exactly one result. A batch waits for slots for at most one deadline in all, and each message for
 * its answer at most one more, so a batch takes at most two.
 */
final class FcmProvider implements DeliveryProvider {

  private final FirebaseApp app;
  private final FirebaseMessaging messaging;
  private final HttpTransport transport;
  private final int maxInFlight;
  private final Semaphore inFlight;
  private final Duration patience;
  private volatile boolean closed;

  /**
   * @param patience how long a send waits for a free slot, and for FCM's answer to one message
   */
  FcmProvider(FirebaseApp app, int maxInFlight, Duration patience) {
    this.app = app;
    this.messaging = FirebaseMessaging.getInstance(app);
    this.transport = app.getOptions().getHttpTransport();
    this.maxInFlight = maxInFlight;
    // fair: callers on several threads get slots in the order they asked
    this.inFlight = new Semaphore(maxInFlight, true);
    this.patience = patience;
  }

  /** A larger batch would only wait for its own first part. */
  @Override
  public int maxBatchSize() {
    return maxInFlight;
  }

  @Override
  public CompletionStage<List<DeliveryResult>> send(List<Delivery> batch) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("FCM provider is closed"));
    }
    var results = new ArrayList<CompletableFuture<DeliveryResult>>(batch.size());
    var stopWaiting = System.nanoTime() + patience.toNanos();
    DeliveryResult stalled = null;
    for (var delivery : batch) {
      if (delivery.address().isBlank()) {
        results.add(done(new DeliveryResult.InvalidRecipient(null, "empty FCM token")));
        continue;
      }
      Message message;
      try {
        message = FcmMessages.of(delivery, Instant.now());
      } catch (IllegalArgumentException e) {
        results.add(
            done(new DeliveryResult.Rejected("not a valid FCM message: " + e.getMessage())));
        continue;
      }
      if (stalled == null) {
        stalled = takeSlot(stopWaiting);
      }
      // once no slot came free in time, the rest of the batch is not sent either
      results.add(stalled == null ? send(message) : done(stalled));
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenApply(all -> results.stream().map(CompletableFuture::join).toList());
  }

  /** Takes a slot, or says why none could be had by {@code stopWaiting} (a nano time). */
  private DeliveryResult takeSlot(long stopWaiting) {
    try {
      if (inFlight.tryAcquire(stopWaiting - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        return null;
      }
      return new DeliveryResult.RetryLater(
          null, "FCM busy: no free slot within " + patience.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.RetryLater(null, "interrupted while waiting to send");
    }
  }

  /** Sends on a slot already taken; the slot is given back once, whatever happens. */
  private CompletableFuture<DeliveryResult> send(Message message) {
    ApiFuture<String> sent;
    try {
      sent = messaging.sendAsync(message);
    } catch (RuntimeException e) {
      // e.g. the app was deleted by a concurrent close()
      inFlight.release();
      return done(FcmOutcomes.failed(e));
    }
    var result = new CompletableFuture<DeliveryResult>();
    ApiFutures.addCallback(
        sent,
        new ApiFutureCallback<String>() {
          @Override
          public void onSuccess(String name) {
            result.complete(new DeliveryResult.Delivered(name));
          }

          @Override
          public void onFailure(Throwable error) {
            result.complete(FcmOutcomes.failed(error));
          }
        },
        Runnable::run);
    return result
        .completeOnTimeout(
            new DeliveryResult.RetryLater(
                null, "FCM did not answer within " + patience.toSeconds() + " s"),
            patience.toMillis(),
            TimeUnit.MILLISECONDS)
        .whenComplete(
            (done, never) -> {
              // first stop firebase-admin's work (a no-op once it answered), then free the slot
              sent.cancel(true);
              inFlight.release();
            });
  }

  private static CompletableFuture<DeliveryResult> done(DeliveryResult result) {
    return CompletableFuture.completedFuture(result);
  }

  /** Stops the threads (waiting up to the read timeout) and closes the connections. */
  @Override
  public void close() {
    closed = true;
    app.delete();
    try {
      transport.shutdown();
    } catch (IOException e) {
      // closing anyway; the connections go with the transport
    }
  }
}
