-- Claims take a notification's first chunk of deliveries before the later chunks of broadcasts
-- (0 before 1), so that a notification to one member never waits for a broadcast's backlog on its
-- channel (ADR 0010). Deliveries written before this migration count as first chunks.
ALTER TABLE delivery ADD COLUMN priority SMALLINT DEFAULT 0 NOT NULL;
