package dev.herald.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns due notifications into inbox items and deliveries, chunk by chunk, each chunk in a
 * transaction of its own, so that one notification that keeps failing never holds up the others and
 * a broadcast to a million members never holds up a notification to one.
 *
 * <p>A round first leases a few due notifications ({@link DispatchClaims}): the lease and the
 * attempt are committed before any work, so a fan-out that fails, or kills its node, still counts,
 * and after {@code maxAttempts} the notification is set aside as {@code FAILED} with its last
 * error. Then every notification this node holds gets its next chunk ({@link FanOut}), in turns,
 * those just leased first: a single member's notification is done after its first chunk, a
 * broadcast goes on in the next rounds, its lease renewed with each chunk. A chunk commits whole or
 * not at all; the notification's row lock and cursor make sure that two nodes never write the same
 * chunk.
 */
public final class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final Transactor transactor;
  private final Clock clock;
  private final Duration lease;
  private final int chunkSize;
  private final DispatchClaims claims;
  private final Completion completion;
  private final Map<UUID, DueNotification> held = new LinkedHashMap<>();

  /**
   * @param lease how long a node may take over one chunk before another may go on with it
   * @param maxAttempts attempts after which a notification that cannot be dispatched is set aside
   * @param chunkSize recipients per chunk
   */
  public Dispatcher(
      Transactor transactor, Clock clock, Duration lease, int maxAttempts, int chunkSize) {
    this.transactor = transactor;
    this.clock = clock;
    this.lease = lease;
    this.chunkSize = chunkSize;
    this.claims = new DispatchClaims(clock, lease, maxAttempts);
    this.completion = new Completion(transactor, clock);
  }

  /**
   * Leases up to {@code max} more due notifications and fans out the next chunk of every
   * notification this node holds. Returns the ids of those that got a chunk; {@link #holding} says
   * whether some still have chunks to go. Not thread-safe: one thread dispatches per node.
   */
  public List<UUID> dispatchDue(int max) {
    // New notifications' first chunks before the next chunks of those under way: a notification
    // to one member sent during a broadcast waits for the chunk being written, not for one more.
    var turns = new LinkedHashSet<DueNotification>();
    for (var notification : transactor.inTransaction(c -> claims.lease(c, max))) {
      if (held.putIfAbsent(notification.id(), notification) == null) {
        turns.add(notification);
      }
    }
    turns.addAll(held.values());
    var dispatched = new ArrayList<UUID>(held.size());
    var done = new ArrayList<UUID>();
    for (var notification : turns) {
      try {
        var now = Sql.now(clock);
        var chunk =
            transactor.inTransaction(
                c -> FanOut.next(c, notification, now, chunkSize, now.plus(lease)));
        if (chunk != FanOut.Chunk.GONE) {
          dispatched.add(notification.id());
        }
        if (chunk != FanOut.Chunk.MORE) {
          held.remove(notification.id());
          done.add(notification.id());
        }
      } catch (RuntimeException e) {
        held.remove(notification.id());
        failed(notification, e);
      }
    }
    if (!done.isEmpty()) {
      // A notification whose recipients have nothing pending (only in-app, or nobody) is done.
      completion.complete(done);
    }
    return dispatched;
  }

  /** Whether this node holds notifications with chunks still to fan out. */
  public boolean holding() {
    return !held.isEmpty();
  }

  /**
   * Gives up the notifications this node holds, so that another node goes on with them at once
   * rather than when their lease runs out; on stop.
   */
  public void release() {
    if (held.isEmpty()) {
      return;
    }
    var ids = List.copyOf(held.keySet());
    held.clear();
    try {
      transactor.inTransaction(c -> claims.release(c, ids));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Releasing notifications failed; their leases run out by themselves", e);
    }
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
