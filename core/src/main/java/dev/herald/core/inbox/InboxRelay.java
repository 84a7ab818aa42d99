package dev.herald.core.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings new inbox items to this node's open streams, wherever they were dispatched (ADR 0007).
 *
 * <p>Each poll asks the database for the items of the members listening here that were dispatched
 * in the last moments, and publishes those it has not published before, in id order. The question
 * is asked per listening member (one index range each, in a few set-based queries), so its cost
 * follows those members' own items: another organization's burst adds nothing to it, and nothing
 * caps it. Most polls look back {@link #RECENT}; every {@link #SWEEP_EVERY} a poll looks back the
 * whole {@link LateCommits#WINDOW}, which finds items that committed late (a long fan-out, another
 * node's concurrent dispatch whose ids are lower, a node whose clock is behind).
 */
@ApplicationScoped
public class InboxRelay {

  private static final Logger LOG = Logger.getLogger(InboxRelay.class.getName());

  /**
   * What an ordinary poll looks back: an ordinary fan-out's transaction plus the time between
   * polls, with room for a busy node.
   */
  static final Duration RECENT = Duration.ofSeconds(5);

  /** How often a poll looks back the whole late-commit window. */
  static final Duration SWEEP_EVERY = Duration.ofSeconds(2);

  private final InboxService inbox;
  private final InboxFeed feed;

  /** Items published, by id, with their dispatch time: forgotten once out of every look-back. */
  private final Map<Long, Instant> published = new HashMap<>();

  private final ReentrantLock polling = new ReentrantLock();
  private final AtomicBoolean wanted = new AtomicBoolean();
  private Instant lastSweep = Instant.EPOCH;

  /** For the CDI proxy only. */
  InboxRelay() {
    this(null, null);
  }

  @Inject
  InboxRelay(InboxService inbox, InboxFeed feed) {
    this.inbox = inbox;
    this.feed = feed;
  }

  /**
   * Publishes what is new for this node's listeners. Never waits for a poll that is under way on
   * another thread (the dispatcher calls this after each round): that poll goes round once more.
   */
  public void poll() {
    wanted.set(true);
    while (wanted.get() && polling.tryLock()) {
      try {
        if (wanted.getAndSet(false)) {
          pollOnce(Instant.now());
        }
      } finally {
        polling.unlock();
      }
    }
  }

  private void pollOnce(Instant now) {
    if (!feed.hasListeners()) {
      published.clear();
      return;
    }
    try {
      var sweep = !now.isBefore(lastSweep.plus(SWEEP_EVERY));
      var since = sweep ? LateCommits.since(now) : now.minus(RECENT);
      if (sweep) {
        var forgotten = LateCommits.since(now);
        published.values().removeIf(at -> at.isBefore(forgotten));
      }
      var fresh =
          inbox.recent(feed.members(), since).stream()
              .filter(r -> !published.containsKey(r.id()))
              .toList();
      if (!fresh.isEmpty()) {
        var items = inbox.byIds(fresh.stream().map(RecentItem::id).toList());
        fresh.forEach(r -> published.put(r.id(), r.createdAt()));
        items.forEach(feed::publish);
      }
      if (sweep) {
        lastSweep = now;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Inbox relay poll failed; retrying on the next poll", e);
    }
  }
}
