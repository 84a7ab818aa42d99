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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/**
 * Sends each delivery as one APNs request on a shared client. pushy queues without bound, so a
 * semaphore caps the requests under way; it is released when APNs answers.
 */
final class ApnsProvider implements DeliveryProvider {

  /** Rejections that mean the token will never work again. */
  private static final Set<String> DEAD_TOKEN =
      Set.of("Unregistered", "BadDeviceToken", "DeviceTokenNotForTopic", "ExpiredToken");

  /** Statuses that mean "not now": too many requests, an APNs-side error, or unavailable. */
  private static final Set<Integer> TRANSIENT = Set.of(429, 500, 503);

  private final ApnsClient client;
  private final EventLoopGroup group;
  private final String topic;
  private final Semaphore inFlight;
  private final int maxInFlight;

  ApnsProvider(ApnsClient client, EventLoopGroup group, String topic, int maxInFlight) {
    this.client = client;
    this.group = group;
    this.topic = topic;
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
  }

  @Override
  public int maxBatchSize() {
    return Math.max(100, maxInFlight);
  }

  @Override
  public CompletionStage<List<DeliveryResult>> send(List<Delivery> batch) {
    var results = batch.stream().map(this::send).toList();
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenApply(done -> results.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<DeliveryResult> send(Delivery delivery) {
    SimpleApnsPushNotification notification;
    try {
      notification = notification(delivery);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(new DeliveryResult.Rejected(e.getMessage()));
    }
    inFlight.acquireUninterruptibly();
    return client
        .sendNotification(notification)
        .handle((response, error) -> error == null ? result(response) : retry(error))
        .whenComplete((result, error) -> inFlight.release());
  }

  private SimpleApnsPushNotification notification(Delivery delivery) {
    return new SimpleApnsPushNotification(
        delivery.address(),
        topic,
        ApnsPayload.of(delivery),
        delivery.expiresAt(),
        "high".equals(delivery.priority())
            ? DeliveryPriority.IMMEDIATE
            : DeliveryPriority.CONSERVE_POWER,
        PushType.ALERT,
        delivery.collapseId());
  }

  static DeliveryResult result(PushNotificationResponse<?> response) {
    if (response.isAccepted()) {
      return new DeliveryResult.Delivered(String.valueOf(response.getApnsId()));
    }
    var status = response.getStatusCode();
    var reason = response.getRejectionReason().orElse("HTTP " + status);
    if (status == 410 || DEAD_TOKEN.contains(reason)) {
      return new DeliveryResult.InvalidRecipient(
          response.getTokenInvalidationTimestamp().orElse(null), reason);
    }
    if (TRANSIENT.contains(status)) {
      return new DeliveryResult.RetryLater(null, reason);
    }
    return new DeliveryResult.Rejected(reason);
  }

  private static DeliveryResult retry(Throwable error) {
    var cause = error.getCause() != null ? error.getCause() : error;
    return new DeliveryResult.RetryLater(null, "APNs request failed: " + cause);
  }

  @Override
  public void close() {
    client.close().join();
    group.shutdownGracefully();
  }
}
