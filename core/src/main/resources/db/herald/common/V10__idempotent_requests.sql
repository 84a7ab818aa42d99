-- Idempotency keys of sending requests (issue: Push API v2, webhooks, idempotency and limits).
-- An organization's key stands for one request for 24 hours: the request's fingerprint, the
-- notification it created and the first answer, so that a retry gets that answer again and a
-- different request under the same key is refused. The primary key is what makes fifty concurrent
-- requests with one key create one notification: every one but the first fails to insert its row.
CREATE TABLE idempotent_request (
  organization_id VARCHAR(64)  NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  idempotency_key VARCHAR(200) NOT NULL,
  fingerprint     VARCHAR(64)  NOT NULL,
  notification_id UUID         NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
  answer          VARCHAR(1000000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (organization_id, idempotency_key)
);
CREATE INDEX idempotent_request_expiry ON idempotent_request (expires_at);

-- Keys were unique on the notification for ever; they expire now, and a key may come back.
ALTER TABLE notification DROP CONSTRAINT notification_idempotency;
