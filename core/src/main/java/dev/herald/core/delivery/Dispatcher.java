package dev.herald.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns due notifications into inbox items and deliveries, each notification in a transaction of
 * its own, so that one that keeps failing never holds up the others.
 *
 * <p>A round first leases a few due notifications ({@link DispatchClaims}): the lease and the
 * attempt are committed before any work, so a fan-out that fails, or kills its node, still counts,
 * and after {@code maxAttempts} the notification is set aside as {@code FAILED} with its last
 * error. Then each leased notification is locked again and fanned out ({@link FanOut}) in one
 * transaction that commits whole or not at all; its row lock and state check make sure that two
 * nodes never resolve the same notification twice.
 */
public final class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final Transactor transactor;
  private final Clock clock;
  private final DispatchClaims claims;
  private final Completion completion;

  /**
   * @param lease how long a node may take to fan a notification out before another may try
   * @param maxAttempts attempts after which a notification that cannot be dispatched is set aside
   */
  public Dispatcher(Transactor transactor, Clock clock, Duration lease, int maxAttempts) {
    this.transactor = transactor;
    this.clock = clock;
    this.claims = new DispatchClaims(clock, lease, maxAttempts);
    this.completion = new Completion(transactor, clock);
  }

  /** Dispatches up to {@code max} due notifications and returns the ids of those it dispatched. */
  public List<UUID> dispatchDue(int max) {
    var leased = transactor.inTransaction(c -> claims.lease(c, max));
    var dispatched = new ArrayList<UUID>(leased.size());
    for (var notification : leased) {
      try {
        if (transactor.inTransaction(c -> FanOut.run(c, notification, Sql.now(clock)))) {
          dispatched.add(notification.id());
        }
      } catch (RuntimeException e) {
        failed(notification, e);
      }
    }
    if (!dispatched.isEmpty()) {
      // A notification whose recipients have nothing pending (only in-app, or nobody) is done.
      completion.complete(dispatched);
    }
    return dispatched;
  }

  /** 1 s after the first failure, doubling up to five minutes. */
  static Duration backoff(int attempt) {
    var doubled = Duration.ofSeconds(1L << Math.min(Math.max(attempt - 1, 0), 16));
    return doubled.compareTo(MAX_BACKOFF) < 0 ? doubled : MAX_BACKOFF;
  }

  /** Records why a fan-out failed and when to try again; the last allowed attempt sets it aside. */
  private void failed(DueNotification notification, RuntimeException error) {
    var reason = "Dispatching failed: " + (error.getMessage() == null ? error : error.getMessage());
    LOG.log(
        Level.WARNING,
        "Dispatching notification "
            + notification.id()
            + " failed (attempt "
            + notification.attempt()
            + ")",
        error);
    try {
      transactor.inTransaction(
          c ->
              claims.recordFailure(
                  c,
                  notification,
                  DeliveryQueue.truncate(reason),
                  backoff(notification.attempt())));
    } catch (RuntimeException e) {
      // The lease runs out by itself and the attempt is already counted.
      LOG.log(Level.WARNING, "Recording a failed dispatch failed too", e);
    }
  }
}
