package dev.herald.provider.apns;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientMetricsListener;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What pushy did with the pushes Herald handed it, counted from its metrics: how many were written
 * to a connection and how many were answered. When pushes go unanswered, the gap between what was
 * handed over and what was written says whether they waited in the client or at APNs.
 */
final class ApnsTraffic implements ApnsClientMetricsListener {

  private final LongAdder handedOver = new LongAdder();
  private final LongAdder written = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private final LongAdder writeFailures = new LongAdder();
  private final AtomicInteger connections = new AtomicInteger();

  void handedOver() {
    handedOver.increment();
  }

  @Override
  public void handleWriteFailure(ApnsClient client, long notificationId) {
    writeFailures.increment();
  }

  @Override
  public void handleNotificationSent(ApnsClient client, long notificationId) {
    written.increment();
  }

  @Override
  public void handleNotificationAccepted(ApnsClient client, long notificationId) {
    answered.increment();
  }

  @Override
  public void handleNotificationRejected(ApnsClient client, long notificationId) {
    answered.increment();
  }

  @Override
  public void handleConnectionAdded(ApnsClient client) {
    connections.incrementAndGet();
  }

  @Override
  public void handleConnectionRemoved(ApnsClient client) {
    connections.decrementAndGet();
  }

  @Override
  public void handleConnectionCreationFailed(ApnsClient client) {
    // seen as a failed send; the count of open connections is what matters here
  }

  /** Since the client started, e.g. for a log line. */
  @Override
  public String toString() {
    return "%,d handed to the client, %,d written to a connection, %,d answered, %,d failed to write, %d connections open"
        .formatted(
            handedOver.sum(),
            written.sum(),
            answered.sum(),
            writeFailures.sum(),
            connections.get());
  }

  long written() {
    return written.sum();
  }

  long answered() {
    return answered.sum();
  }
}
