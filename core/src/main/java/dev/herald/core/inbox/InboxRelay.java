package dev.herald.core.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings new inbox items to this node's open streams, wherever they were dispatched. It watches for
 * newly dispatched notifications (few rows, whole notifications: a notification becomes visible
 * with all its inbox items in one commit), then reads only the items of members with an open stream
 * here. Any node's dispatch reaches every node's streams within one poll.
 */
@ApplicationScoped
public class InboxRelay {

  private static final Logger LOG = Logger.getLogger(InboxRelay.class.getName());

  /** How far back to look: covers clock differences between nodes. */
  private static final Duration LOOKBACK = Duration.ofSeconds(30);

  private final InboxService inbox;
  private final InboxFeed feed;
  private final Map<UUID, Instant> seen = new ConcurrentHashMap<>();

  /** For the CDI proxy only. */
  InboxRelay() {
    this(null, null);
  }

  @Inject
  InboxRelay(InboxService inbox, InboxFeed feed) {
    this.inbox = inbox;
    this.feed = feed;
  }

  /** Publishes the items of notifications dispatched since the last look. */
  public synchronized void poll() {
    if (!feed.hasListeners()) {
      return;
    }
    try {
      var now = Instant.now();
      seen.values().removeIf(at -> at.isBefore(now.minus(LOOKBACK.multipliedBy(2))));
      for (var notificationId : inbox.dispatchedSince(now.minus(LOOKBACK))) {
        if (seen.putIfAbsent(notificationId, now) == null) {
          inbox.ofNotification(notificationId, feed.members()).forEach(feed::publish);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Inbox relay poll failed; retrying on the next poll", e);
    }
  }
}
