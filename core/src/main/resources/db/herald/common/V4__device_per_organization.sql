-- A push token is registered per organization (docs/adr/0006): one phone registered in two
-- organizations has a device row in each, and registering in one never moves or reveals the
-- other's. Within an organization a token still belongs to one member at a time.
ALTER TABLE device DROP CONSTRAINT device_token_unique;
ALTER TABLE device ADD CONSTRAINT device_token_unique UNIQUE (organization_id, platform, token);
