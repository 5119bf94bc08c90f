-- Outgoing webhooks (docs/monitoring.md): endpoints, one delivery row per event and endpoint
-- (the outbox, written in the transaction of the change; the unique key means never more than one
-- delivery per event and endpoint) and the log of every attempt.
CREATE TABLE webhook_endpoints (
    id                uuid          PRIMARY KEY,
    owner_id          uuid          REFERENCES users (id),
    url               varchar(2000) NOT NULL,
    secret_encrypted  text          NOT NULL,
    events            varchar(200)  NOT NULL,
    allow_private     boolean       NOT NULL DEFAULT false,
    enabled           boolean       NOT NULL,
    description       varchar(200),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL
);
CREATE INDEX webhook_endpoints_owner ON webhook_endpoints (owner_id);

CREATE TABLE webhook_deliveries (
    id                uuid          PRIMARY KEY,
    event_id          uuid          NOT NULL,
    endpoint_id       uuid          NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_type        varchar(40)   NOT NULL,
    payload           text          NOT NULL,
    status            varchar(12)   NOT NULL,
    attempts          integer       NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz   NOT NULL,
    last_status_code  integer,
    last_error        varchar(500),
    created_at        timestamptz   NOT NULL,
    delivered_at      timestamptz,
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);

CREATE TABLE webhook_attempts (
    id            bigserial     PRIMARY KEY,
    delivery_id   uuid          NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at  timestamptz   NOT NULL,
    status_code   integer,
    error         varchar(500),
    duration_ms   bigint        NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempted_at);
