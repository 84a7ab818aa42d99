package dev.herald.core.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/** The live listeners of this node, by member: open SSE streams register here. */
@ApplicationScoped
public class InboxFeed {

  private final ConcurrentHashMap<UUID, Set<Consumer<InboxItem>>> listeners =
      new ConcurrentHashMap<>();

  /** Registers a listener for a member's new items until the returned handle is closed. */
  public AutoCloseable subscribe(UUID memberId, Consumer<InboxItem> listener) {
    listeners.computeIfAbsent(memberId, m -> new CopyOnWriteArraySet<>()).add(listener);
    return () ->
        listeners.computeIfPresent(
            memberId,
            (m, set) -> {
              set.remove(listener);
              return set.isEmpty() ? null : set;
            });
  }

  boolean hasListeners() {
    return !listeners.isEmpty();
  }

  Set<UUID> members() {
    return Set.copyOf(listeners.keySet());
  }

  void publish(InboxItem item) {
    for (var listener : listeners.getOrDefault(item.memberId(), Set.of())) {
      listener.accept(item);
    }
  }
}
