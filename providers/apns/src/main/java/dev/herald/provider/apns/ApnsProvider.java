package dev.herald.provider.apns;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Sends each delivery as one APNs request on a shared client, and the lane's batches ({@link
 * #sendAhead}) on a client of one connection of their own, so that a message to one member is not
 * queued behind the streams of a broadcast on the same connections. pushy queues without bound, so
 * a semaphore caps the requests under way: a send waits for a free slot, which is given back when
 * APNs answers or the answer is overdue ({@link ApnsTraffic#nanosUntilOverdue}). Both waits are
 * bounded so that a hung APNs turns into {@code RetryLater} results rather than a stuck caller.
 */
final class ApnsProvider implements DeliveryProvider {

  private static final Logger LOG = Logger.getLogger(ApnsProvider.class.getName());

  /** One notification handed to pushy; the seam tests use to watch what is in flight. */
  interface Sender
      extends Function<
          SimpleApnsPushNotification,
          CompletableFuture<PushNotificationResponse<SimpleApnsPushNotification>>> {}

  private final Sender sender;
  private final Sender laneSender;
  private final Runnable shutdown;
  private final String topic;
  private final int maxInFlight;
  private final Semaphore inFlight;
  private final Duration slotWait;
  private final Duration answerTimeout;
  private final ApnsTraffic traffic;
  private final AtomicBoolean closed = new AtomicBoolean();

  ApnsProvider(
      ApnsClient client,
      ApnsClient laneClient,
      EventLoopGroup group,
      ApnsTraffic traffic,
      String topic,
      int maxInFlight) {
    this(
        client::sendNotification,
        laneClient::sendNotification,
        traffic,
        () -> shutdown(List.of(client, laneClient), group),
        topic,
        maxInFlight,
        ApnsProviderFactory.PATIENCE,
        ApnsProviderFactory.PATIENCE);
  }

  /** With one sender for every batch, the lane's included. */
  ApnsProvider(
      Sender sender,
      ApnsTraffic traffic,
      Runnable shutdown,
      String topic,
      int maxInFlight,
      Duration slotWait,
      Duration answerTimeout) {
    this(sender, sender, traffic, shutdown, topic, maxInFlight, slotWait, answerTimeout);
  }

  ApnsProvider(
      Sender sender,
      Sender laneSender,
      ApnsTraffic traffic,
      Runnable shutdown,
      String topic,
      int maxInFlight,
      Duration slotWait,
      Duration answerTimeout) {
    this.sender = sender;
    this.laneSender = laneSender;
    this.traffic = traffic;
    this.shutdown = shutdown;
    this.topic = topic;
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
    this.slotWait = slotWait;
    this.answerTimeout = answerTimeout;
  }

  /** A batch this size fits in the slots, so it never waits on its own sends; larger ones work. */
  @Override
  public int maxBatchSize() {
    return maxInFlight;
  }

  @Override
  public CompletionStage<List<DeliveryResult>> send(List<Delivery> batch) {
    return send(batch, sender);
  }

  /** The lane's batches share the slots but not the connections (see the class comment). */
  @Override
  public CompletionStage<List<DeliveryResult>> sendAhead(List<Delivery> batch) {
    return send(batch, laneSender);
  }

  private CompletionStage<List<DeliveryResult>> send(List<Delivery> batch, Sender via) {
    var results = new ArrayList<CompletableFuture<DeliveryResult>>(batch.size());
    var unanswered = new AtomicInteger();
    DeliveryResult stalled = null;
    for (var delivery : batch) {
      SimpleApnsPushNotification notification;
      try {
        notification = notification(delivery);
      } catch (IllegalArgumentException e) {
        results.add(CompletableFuture.completedFuture(new DeliveryResult.Rejected(e.getMessage())));
        continue;
      }
      if (stalled == null) {
        stalled = waitForSlot();
      }
      // once one slot was not freed in time, the rest of the batch would wait as long again
      results.add(
          stalled == null
              ? send(notification, via, unanswered)
              : CompletableFuture.completedFuture(stalled));
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              warnIfUnanswered(unanswered.get(), batch.size());
              return results.stream().map(CompletableFuture::join).toList();
            });
  }

  /**
   * One line per batch with pushes APNs did not answer in time: they are retried, and any that did
   * reach APNs after all reach the device twice. The client's counts say where they waited.
   */
  private void warnIfUnanswered(int unanswered, int batchSize) {
    if (unanswered > 0) {
      LOG.warning(
          () ->
              "APNs: %d of a batch of %d had no answer in time (%d ms) and will be retried; since start: %s"
                  .formatted(unanswered, batchSize, answerTimeout.toMillis(), traffic));
    }
  }

  /** What pushy did with the pushes handed to it. */
  ApnsTraffic traffic() {
    return traffic;
  }

  /** Takes a slot, or says why none could be had. */
  private DeliveryResult waitForSlot() {
    try {
      if (inFlight.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
        return null;
      }
      return new DeliveryResult.RetryLater(
          null, "APNs busy: no free slot within " + slotWait.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.RetryLater(null, "interrupted while waiting to send");
    }
  }

  /** Sends on a slot already taken; the slot is given back whatever happens. */
  private CompletableFuture<DeliveryResult> send(
      SimpleApnsPushNotification notification, Sender via, AtomicInteger unanswered) {
    CompletableFuture<PushNotificationResponse<SimpleApnsPushNotification>> response;
    var handedOver = System.nanoTime();
    try {
      traffic.handedOver();
      response = via.apply(notification);
    } catch (RuntimeException e) {
      inFlight.release();
      return CompletableFuture.completedFuture(ApnsOutcomes.failed(e, answerTimeout));
    }
    // a copy, so that giving up on the answer leaves pushy's own future alone
    var awaited = response.copy();
    giveUpWhenOverdue(awaited, handedOver);
    return awaited
        .handle(
            (answer, error) -> {
              if (error == null) {
                return ApnsOutcomes.of(answer);
              }
              if (error instanceof TimeoutException) {
                unanswered.incrementAndGet();
              }
              return ApnsOutcomes.failed(error, answerTimeout);
            })
        .whenComplete((result, error) -> inFlight.release());
  }

  /** Checks again when the answer would be overdue: a new connection may have moved that on. */
  private void giveUpWhenOverdue(CompletableFuture<?> answer, long handedOver) {
    var wait = traffic.nanosUntilOverdue(handedOver, System.nanoTime(), answerTimeout);
    if (wait <= 0) {
      answer.completeExceptionally(new TimeoutException());
      return;
    }
    // the check is cheap: it runs on the JDK's timer thread, as orTimeout's would
    CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, Runnable::run)
        .execute(
            () -> {
              if (!answer.isDone()) {
                giveUpWhenOverdue(answer, handedOver);
              }
            });
  }

  private SimpleApnsPushNotification notification(Delivery delivery) {
    var expiration =
        delivery.expiresAt() != null
            ? delivery.expiresAt()
            : Instant.now().plus(SimpleApnsPushNotification.DEFAULT_EXPIRATION_PERIOD);
    return new SimpleApnsPushNotification(
        delivery.address(),
        topic,
        ApnsPayload.of(delivery),
        expiration,
        "high".equals(delivery.priority())
            ? DeliveryPriority.IMMEDIATE
            : DeliveryPriority.CONSERVE_POWER,
        PushType.ALERT,
        delivery.collapseId());
  }

  @Override
  public void close() {
    closed.set(true);
    shutdown.run();
  }

  /** Whether {@link #close} was called. */
  boolean closed() {
    return closed.get();
  }

  private static void shutdown(List<ApnsClient> clients, EventLoopGroup group) {
    try {
      // pushy waits for answers to what was sent, up to its graceful shutdown timeout
      var closing = clients.stream().map(ApnsClient::close).toList();
      for (var close : closing) {
        close.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // closing anyway: the threads must go
    } finally {
      group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
  }
}
