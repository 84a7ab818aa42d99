package dev.herald.provider.apns;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientMetricsListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What pushy did with the pushes Herald handed it, counted from its metrics: how many were written
 * to a connection and how many were answered. When pushes go unanswered, the gap between what was
 * handed over and what was written says whether they waited in the client or at APNs. It also keeps
 * the clock by which an answer is overdue, which depends on the client's connections.
 */
final class ApnsTraffic implements ApnsClientMetricsListener {

  private final LongAdder handedOver = new LongAdder();
  private final LongAdder written = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private final LongAdder writeFailures = new LongAdder();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile long lastConnectionOpened;

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
    // before the count, so that whoever sees the connection also sees when it opened
    lastConnectionOpened = System.nanoTime();
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

  /**
   * Nanoseconds from {@code now} until the answer to a push handed over at {@code handedOver} is
   * overdue (zero or less: it is). A push waits in the client until a connection is open and
   * writable, so APNs' {@code patience} is counted from the later of the handover and the newest
   * connection: on a cold node the first connection takes seconds, and a push given up while the
   * client still holds it goes out twice, once late and once as the retry. Without an open
   * connection the client fails the push itself when it cannot connect, so it is given up only at
   * twice the patience, the bound on every push either way.
   */
  long nanosUntilOverdue(long handedOver, long now, Duration patience) {
    var limit = handedOver + 2 * patience.toNanos();
    var deadline = limit;
    if (connections.get() > 0) {
      var opened = lastConnectionOpened;
      var start = opened - handedOver > 0 ? opened : handedOver;
      var fromStart = start + patience.toNanos();
      deadline = fromStart - limit < 0 ? fromStart : limit;
    }
    return deadline - now;
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
