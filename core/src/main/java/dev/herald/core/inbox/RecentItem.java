package dev.herald.core.inbox;

import java.time.Instant;

/**
 * An inbox item as the live feed first sees it: its id and the moment its notification was
 * dispatched (the item's {@code created_at}), which bounds when it may still become visible.
 */
public record RecentItem(long id, Instant createdAt) {}
