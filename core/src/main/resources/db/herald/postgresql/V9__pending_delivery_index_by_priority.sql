-- PostgreSQL only: the claim's order (priority, then due time) read straight from the index of
-- pending deliveries.
DROP INDEX delivery_pending;
CREATE INDEX delivery_pending ON delivery (channel, platform, priority, due_at)
  WHERE state = 'PENDING';
