-- Seed 004's operation log: which API key (id and its public prefix) an action was done with, so a
-- customer can list what each key did and an administrator can filter by key.
ALTER TABLE audit_logs ADD COLUMN api_key_id uuid;
ALTER TABLE audit_logs ADD COLUMN api_key_prefix varchar(16);
CREATE INDEX audit_logs_api_key_idx ON audit_logs (api_key_id, created_at DESC) WHERE api_key_id IS NOT NULL;
