-- Exactly-once dispatch and delivery across nodes (issue: trust first).

-- Dispatching a notification is leased like a delivery: a claim records the attempt and a lease in
-- its own short transaction, so a notification whose fan-out keeps failing (or crashes its node) is
-- counted, and set aside as FAILED with its error after bounded attempts instead of blocking the
-- queue behind it.
ALTER TABLE notification ADD COLUMN dispatch_attempts INTEGER DEFAULT 0 NOT NULL;
-- Not before this moment: a claimed notification's lease, or the backoff after a failed fan-out.
ALTER TABLE notification ADD COLUMN dispatch_after TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN last_error VARCHAR(1000);

-- A delivery goes to one target on one channel: the device for push, the member otherwise. The
-- schema refuses a second delivery of one notification to one target on one channel.
ALTER TABLE delivery ADD COLUMN target UUID;
UPDATE delivery SET target = COALESCE(device_id, member_id);
-- Duplicates made before this migration (two nodes fanning out one notification) are dropped,
-- keeping the first of each.
DELETE FROM delivery WHERE EXISTS (
  SELECT 1 FROM delivery e
  WHERE e.notification_id = delivery.notification_id AND e.channel = delivery.channel
    AND e.target = delivery.target AND e.id < delivery.id);
ALTER TABLE delivery ALTER COLUMN target SET NOT NULL;
ALTER TABLE delivery ADD CONSTRAINT delivery_once UNIQUE (notification_id, channel, target);
