package dev.herald.core.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The live listeners of this node, by member: open SSE streams register here. */
@ApplicationScoped
public class InboxFeed {

  private static final Logger LOG = Logger.getLogger(InboxFeed.class.getName());

  private final ConcurrentHashMap<UUID, Set<Consumer<InboxItem>>> listeners =
      new ConcurrentHashMap<>();

  /** Registers a listener for a member's new items until the returned handle is closed. */
  public AutoCloseable subscribe(UUID memberId, Consumer<InboxItem> listener) {
    // Added inside compute: added after it, the listener could land in a set that the member's
    // last other stream had just emptied and removed, and would never be called.
    listeners.compute(
        memberId,
        (m, set) -> {
          var live = set == null ? new CopyOnWriteArraySet<Consumer<InboxItem>>() : set;
          live.add(listener);
          return live;
        });
    return () ->
        listeners.computeIfPresent(
            memberId,
            (m, set) -> {
              set.remove(listener);
              return set.isEmpty() ? null : set;
            });
  }

  /** The live streams on this node, for the metrics: each stream is one listener. */
  public int streams() {
    return listeners.values().stream().mapToInt(Set::size).sum();
  }

  boolean hasListeners() {
    return !listeners.isEmpty();
  }

  Set<UUID> members() {
    return Set.copyOf(listeners.keySet());
  }

  /** Hands the item to its member's listeners; one that fails does not keep it from the others. */
  void publish(InboxItem item) {
    for (var listener : listeners.getOrDefault(item.memberId(), Set.of())) {
      try {
        listener.accept(item);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "An inbox listener failed", e);
      }
    }
  }
}
