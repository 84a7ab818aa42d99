package dev.herald.core.delivery;

import dev.herald.core.notification.Channels;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * error. Each gets its first chunk ({@link FanOut}) at once: a single member's notification is done
 * after it. A broadcast is then held and goes on in rounds of one chunk per held notification, its
 * lease renewed with each chunk. A node runs the two on separate threads ({@link #dispatchNew},
 * {@link #dispatchHeld}), so that a notification to one member waits for no chunk of a broadcast
 * under way. A chunk commits whole or not at all; the notification's row lock and cursor make sure
 * that two nodes, or a node's two threads, never write the same chunk.
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
  private final DeliveryMetrics metrics;
  private final Map<UUID, DueNotification> held = new LinkedHashMap<>();

  /**
   * @param lease how long a node may take over one chunk before another may go on with it
   * @param maxAttempts attempts after which a notification that cannot be dispatched is set aside
   * @param chunkSize recipients per chunk
   */
  public Dispatcher(
      Transactor transactor, Clock clock, Duration lease, int maxAttempts, int chunkSize) {
    this(transactor, clock, lease, maxAttempts, chunkSize, DeliveryMetrics.NONE);
  }

  /**
   * @param metrics where each chunk's in-app deliveries are counted once the chunk has committed
   */
  public Dispatcher(
      Transactor transactor,
      Clock clock,
      Duration lease,
      int maxAttempts,
      int chunkSize,
      DeliveryMetrics metrics) {
    this.metrics = metrics;
    this.transactor = transactor;
    this.clock = clock;
    this.lease = lease;
    this.chunkSize = chunkSize;
    this.claims = new DispatchClaims(clock, lease, maxAttempts);
    this.completion = new Completion(transactor, clock);
  }

  /**
   * Leases up to {@code max} more due notifications and fans out the next chunk of every
   * notification this node holds, each one chunk: {@link #dispatchNew} and then {@link
   * #dispatchHeld} on one thread. Returns the ids of those that got a chunk; {@link #holding} says
   * whether some still have chunks to go.
   */
  public List<UUID> dispatchDue(int max) {
    var dispatched = new ArrayList<>(dispatchNew(max));
    dispatched.addAll(dispatchHeld(Set.copyOf(dispatched)));
    return dispatched;
  }

  /**
   * Leases up to {@code max} more due notifications and fans out the first chunk of each; those
   * with more chunks to go are held for {@link #dispatchHeld}. Returns the ids of those that got a
   * chunk. One thread at a time: a node's thread for new notifications, which a broadcast's later
   * chunks never hold up.
   */
  public List<UUID> dispatchNew(int max) {
    var claimed = transactor.inTransaction(c -> claims.lease(c, max));
    for (var id : claimed.setAside()) {
      StateLog.setAside(id, "its last attempt to resolve its recipients did not finish");
    }
    var leased = new ArrayList<DueNotification>();
    for (var notification : claimed.due()) {
      // One this node already holds (its lease ran out between two chunks) goes on where it is.
      if (!isHeld(notification.id())) {
        leased.add(notification);
      }
    }
    return fanOut(leased, true);
  }

  /**
   * Fans out the next chunk of every notification this node holds, but those in {@code skip}.
   * Returns the ids of those that got a chunk. One thread at a time, which may run beside the one
   * calling {@link #dispatchNew}.
   */
  public List<UUID> dispatchHeld(Set<UUID> skip) {
    List<DueNotification> turns;
    synchronized (held) {
      turns = held.values().stream().filter(n -> !skip.contains(n.id())).toList();
    }
    return fanOut(turns, false);
  }

  /** One chunk for each notification, in turn; {@code fresh} ones with more to go are held. */
  private List<UUID> fanOut(List<DueNotification> turns, boolean fresh) {
    var dispatched = new ArrayList<UUID>(turns.size());
    var done = new ArrayList<UUID>();
    for (var notification : turns) {
      try {
        var now = Sql.now(clock);
        var chunk =
            transactor.inTransaction(
                c -> FanOut.next(c, notification, now, chunkSize, now.plus(lease)));
        // The inbox items are written and readable: in-app deliveries succeed at commit.
        metrics.settled(
            Channels.INAPP,
            DeliveryMetrics.Outcome.DELIVERED,
            chunk.inappDelivered(),
            notification.createdAt(),
            clock.instant());
        if (chunk.step() != FanOut.Step.GONE) {
          dispatched.add(notification.id());
        }
        if (chunk.first()) {
          StateLog.processing(notification.id(), chunk);
        }
        if (chunk.step() != FanOut.Step.MORE) {
          drop(notification.id());
          done.add(notification.id());
        } else if (fresh) {
          synchronized (held) {
            held.put(notification.id(), notification);
          }
        }
      } catch (RuntimeException e) {
        drop(notification.id());
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
    synchronized (held) {
      return !held.isEmpty();
    }
  }

  private boolean isHeld(UUID id) {
    synchronized (held) {
      return held.containsKey(id);
    }
  }

  private void drop(UUID id) {
    synchronized (held) {
      held.remove(id);
    }
  }

  /**
   * Gives up the notifications this node holds, so that another node goes on with them at once
   * rather than when their lease runs out; on stop.
   */
  public void release() {
    List<UUID> ids;
    synchronized (held) {
      ids = List.copyOf(held.keySet());
      held.clear();
    }
    if (ids.isEmpty()) {
      return;
    }
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
      var setAside =
          transactor.inTransaction(
              c ->
                  claims.recordFailure(
                      c,
                      notification,
                      DeliveryQueue.truncate(reason),
                      backoff(notification.attempt())));
      if (setAside) {
        StateLog.setAside(
            notification.id(), "gave up after attempt " + notification.attempt() + ": " + reason);
      }
    } catch (RuntimeException e) {
      // The lease runs out by itself and the attempt is already counted.
      LOG.log(Level.WARNING, "Recording a failed dispatch failed too", e);
    }
  }
}
