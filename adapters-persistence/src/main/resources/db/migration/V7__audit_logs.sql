-- Audit log for every feature: who (user_id: whose record, actor_id: who acted), what (action),
-- on what (resource_type, resource_id), from where (ip_address, user_agent), how it ended.
-- Append-only: the application never updates or deletes rows.
CREATE TABLE audit_logs (
    id             uuid          PRIMARY KEY,
    user_id        uuid,
    actor_id       uuid,
    action         varchar(64)   NOT NULL,
    resource_type  varchar(64),
    resource_id    varchar(128),
    ip_address     varchar(64),
    user_agent     varchar(512),
    result         varchar(16)   NOT NULL CHECK (result IN ('success', 'failure', 'denied')),
    details        jsonb         NOT NULL DEFAULT '{}'::jsonb,
    created_at     timestamptz   NOT NULL
);
CREATE INDEX audit_logs_user_created_idx ON audit_logs (user_id, created_at DESC);
CREATE INDEX audit_logs_created_idx ON audit_logs (created_at DESC);
CREATE INDEX audit_logs_action_idx ON audit_logs (action);
CREATE INDEX audit_logs_resource_idx ON audit_logs (resource_type, resource_id);
