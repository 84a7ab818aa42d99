-- Inbound webhooks (issue 9; ADR 0015): an organization's endpoints that external systems post
-- notifications to, signed per Standard Webhooks. The signing secret is kept encrypted with the
-- server's key (herald.webhooks.secret-key, AES-GCM), never in the clear: Herald must compute the
-- HMAC, so a hash would not do. After a rotation the previous secret stays valid until
-- previous_secret_expires_at.
CREATE TABLE webhook (
  id                         UUID         NOT NULL PRIMARY KEY,
  organization_id            VARCHAR(64)  NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name                       VARCHAR(200),
  secret                     VARCHAR(200) NOT NULL,
  previous_secret            VARCHAR(200),
  previous_secret_expires_at TIMESTAMP WITH TIME ZONE,
  sends_per_minute           INTEGER,
  created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by                 VARCHAR(320) NOT NULL,
  rotated_at                 TIMESTAMP WITH TIME ZONE,
  revoked_at                 TIMESTAMP WITH TIME ZONE
);
CREATE INDEX webhook_organization ON webhook (organization_id, created_at);
