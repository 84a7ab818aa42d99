-- Push API v2 (issue: Push API v2, webhooks, idempotency and limits).
-- Which API sent a notification ('notifications', 'push-api-v2', 'webhook:<id>', 'java'), so that
-- the notifications list and the console can show it; none for notifications sent before.
ALTER TABLE notification ADD COLUMN sent_via VARCHAR(100);

-- The Push API's credentials: an organization's company id (organization.company_id) with one of
-- its integration keys. Only the key's SHA-256 is kept; the key itself is shown once.
CREATE TABLE integration_key (
  id               UUID         NOT NULL PRIMARY KEY,
  organization_id  VARCHAR(64)  NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name             VARCHAR(200),
  prefix           VARCHAR(32)  NOT NULL,
  key_hash         VARCHAR(64)  NOT NULL UNIQUE,
  sends_per_minute INTEGER,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by       VARCHAR(320) NOT NULL,
  revoked_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX integration_key_organization ON integration_key (organization_id, created_at);
