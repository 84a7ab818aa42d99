-- Send limits per credential (issue: Push API v2, webhooks, idempotency and limits): requests
-- counted per credential and minute in the database, so that every node sharing it counts the same
-- requests. A credential is named by its kind and id: 'token:<id>', later 'integration-key:<id>',
-- 'webhook:<id>'. Old windows are deleted by every node now and then.
CREATE TABLE send_window (
  credential   VARCHAR(100)             NOT NULL,
  window_start TIMESTAMP WITH TIME ZONE NOT NULL,
  requests     INTEGER                  NOT NULL,
  PRIMARY KEY (credential, window_start)
);
CREATE INDEX send_window_start ON send_window (window_start);

-- A token's own limit, sends per minute; none: the installation's (herald.limit.sends-per-minute).
ALTER TABLE access_token ADD COLUMN sends_per_minute INTEGER;
