-- Herald schema, written once for PostgreSQL and H2 (portable SQL only).

CREATE TABLE organization (
  id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  company_id  INTEGER      NOT NULL UNIQUE,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE member (
  id              UUID         NOT NULL PRIMARY KEY,
  organization_id VARCHAR(64)  NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  email           VARCHAR(320) NOT NULL,
  email_key       VARCHAR(320) NOT NULL,
  name            VARCHAR(200),
  external_id     VARCHAR(200),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT member_email_unique UNIQUE (organization_id, email_key)
);
CREATE INDEX member_external_id ON member (organization_id, external_id);

CREATE TABLE solution (
  id              UUID         NOT NULL PRIMARY KEY,
  organization_id VARCHAR(64)  NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  name            VARCHAR(200) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX solution_organization ON solution (organization_id, created_at);

CREATE TABLE solution_member (
  solution_id UUID NOT NULL REFERENCES solution (id) ON DELETE CASCADE,
  member_id   UUID NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  PRIMARY KEY (solution_id, member_id)
);
CREATE INDEX solution_member_member ON solution_member (member_id);

CREATE TABLE solution_group (
  id          UUID         NOT NULL PRIMARY KEY,
  solution_id UUID         NOT NULL REFERENCES solution (id) ON DELETE CASCADE,
  name        VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT solution_group_name_unique UNIQUE (solution_id, name)
);

CREATE TABLE group_member (
  group_id  UUID NOT NULL REFERENCES solution_group (id) ON DELETE CASCADE,
  member_id UUID NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, member_id)
);
CREATE INDEX group_member_member ON group_member (member_id);

CREATE TABLE access_token (
  id              UUID         NOT NULL PRIMARY KEY,
  organization_id VARCHAR(64)  NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  member_id       UUID         NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  role            VARCHAR(16)  NOT NULL,
  system_admin    BOOLEAN      NOT NULL,
  name            VARCHAR(200),
  prefix          VARCHAR(32)  NOT NULL,
  token_hash      VARCHAR(64)  NOT NULL UNIQUE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at      TIMESTAMP WITH TIME ZONE,
  revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX access_token_organization ON access_token (organization_id, created_at);

CREATE TABLE device (
  id              UUID         NOT NULL PRIMARY KEY,
  organization_id VARCHAR(64)  NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  member_id       UUID         NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  platform        VARCHAR(16)  NOT NULL,
  token           VARCHAR(512) NOT NULL,
  active          BOOLEAN      NOT NULL,
  registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  deactivated_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT device_token_unique UNIQUE (platform, token)
);
CREATE INDEX device_member ON device (member_id);

CREATE TABLE notification (
  id              UUID          NOT NULL PRIMARY KEY,
  organization_id VARCHAR(64)   NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
  scope           VARCHAR(16)   NOT NULL,
  solution_id     UUID,
  state           VARCHAR(24)   NOT NULL,
  title           VARCHAR(500)  NOT NULL,
  body            VARCHAR(4000) NOT NULL,
  jig_id          VARCHAR(200),
  screen          VARCHAR(200)  NOT NULL,
  inputs          VARCHAR(65536) NOT NULL,
  description     VARCHAR(1000),
  emails          VARCHAR(65536),
  group_names     VARCHAR(65536),
  channels        VARCHAR(200)  NOT NULL,
  ttl_seconds     INTEGER,
  sound           BOOLEAN       NOT NULL,
  badge           INTEGER,
  idempotency_key VARCHAR(200),
  start_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by      VARCHAR(320)  NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by      VARCHAR(320)  NOT NULL,
  dispatched_at   TIMESTAMP WITH TIME ZONE,
  recipient_count INTEGER,
  CONSTRAINT notification_idempotency UNIQUE (organization_id, idempotency_key)
);
CREATE INDEX notification_due ON notification (state, start_at);
CREATE INDEX notification_list ON notification (organization_id, created_at, id);
CREATE INDEX notification_dispatched ON notification (dispatched_at);

-- The recipients a USR notification named, resolved when it was accepted.
CREATE TABLE notification_recipient (
  notification_id UUID NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
  member_id       UUID NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  PRIMARY KEY (notification_id, member_id)
);

-- The groups an SLN_GRP notification named, resolved when it was accepted.
CREATE TABLE notification_group (
  notification_id UUID NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
  group_id        UUID NOT NULL REFERENCES solution_group (id) ON DELETE CASCADE,
  PRIMARY KEY (notification_id, group_id)
);

CREATE TABLE inbox_item (
  id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  organization_id VARCHAR(64) NOT NULL,
  member_id       UUID        NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  notification_id UUID        NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at      TIMESTAMP WITH TIME ZONE,
  read_at         TIMESTAMP WITH TIME ZONE,
  CONSTRAINT inbox_item_once UNIQUE (member_id, notification_id)
);
CREATE INDEX inbox_item_notification ON inbox_item (notification_id);

CREATE TABLE delivery (
  id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  notification_id     UUID         NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
  member_id           UUID         NOT NULL,
  channel             VARCHAR(32)  NOT NULL,
  device_id           UUID,
  platform            VARCHAR(16),
  address             VARCHAR(512) NOT NULL,
  state               VARCHAR(16)  NOT NULL,
  attempts            INTEGER      NOT NULL,
  due_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_owner         VARCHAR(64),
  last_error          VARCHAR(1000),
  provider_message_id VARCHAR(200),
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX delivery_due ON delivery (state, channel, platform, due_at);
CREATE INDEX delivery_notification ON delivery (notification_id, state);
CREATE INDEX inbox_item_member ON inbox_item (member_id, id);
