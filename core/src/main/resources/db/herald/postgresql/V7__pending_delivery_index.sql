-- PostgreSQL only (H2 has no partial indexes; it keeps delivery_due).
-- Claims read only pending deliveries: index only those, so that a delivery leaves the claim path
-- when it is delivered or fails, and a million terminal rows never weigh on claiming.
CREATE INDEX delivery_pending ON delivery (channel, platform, due_at) WHERE state = 'PENDING';
DROP INDEX delivery_due;
