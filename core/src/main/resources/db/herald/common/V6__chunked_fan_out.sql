-- The delivery core for throughput (issue: a million devices in a minute).

-- A notification is fanned out in chunks of recipients, each chunk its own short transaction, in
-- member id order: fanout_cursor is the last member id done, and deliveries of the chunks done go
-- out while later chunks are still being written. Completion waits for fanout_done.
ALTER TABLE notification ADD COLUMN fanout_cursor UUID;
ALTER TABLE notification ADD COLUMN fanout_done BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE notification SET fanout_done = TRUE WHERE state NOT IN ('QUEUED', 'SCHEDULED');

-- Delivery counts per notification and channel, kept as the deliveries change state (in the same
-- transactions), so completion and the API's counters never scan a notification's deliveries.
CREATE TABLE delivery_tally (
  notification_id UUID        NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
  channel         VARCHAR(32) NOT NULL,
  pending         BIGINT      DEFAULT 0 NOT NULL,
  delivered       BIGINT      DEFAULT 0 NOT NULL,
  failed          BIGINT      DEFAULT 0 NOT NULL,
  PRIMARY KEY (notification_id, channel)
);
INSERT INTO delivery_tally (notification_id, channel, pending, delivered, failed)
SELECT notification_id, channel,
       SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END),
       SUM(CASE WHEN state = 'DELIVERED' THEN 1 ELSE 0 END),
       SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END)
FROM delivery GROUP BY notification_id, channel;

-- Chunks of an organization's members are key ranges of this index.
CREATE INDEX member_organization ON member (organization_id, id);

-- Deliveries of a notification are found through delivery_once (notification_id, channel, target);
-- an index on (notification_id, state) was rewritten by every change of state and is no longer read.
DROP INDEX delivery_notification;
