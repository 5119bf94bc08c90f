-- Alert rules, their evaluation state per resource, and alerts (docs/monitoring.md).
-- owner_id NULL: an administrator's rule over the fleet.
CREATE TABLE alert_rules (
    id                      uuid              PRIMARY KEY,
    owner_id                uuid              REFERENCES users (id),
    name                    varchar(100)      NOT NULL,
    metric                  varchar(16)       NOT NULL,
    comparison              varchar(4)        NOT NULL,
    threshold               double precision  NOT NULL,
    clear_threshold         double precision,
    duration_seconds        integer           NOT NULL,
    clear_duration_seconds  integer,
    severity                varchar(10)       NOT NULL,
    scope_type              varchar(10)       NOT NULL,
    scope_id                uuid,
    enabled                 boolean           NOT NULL,
    created_at              timestamptz       NOT NULL,
    updated_at              timestamptz       NOT NULL,
    version                 bigint            NOT NULL DEFAULT 0
);
CREATE INDEX alert_rules_owner ON alert_rules (owner_id);

-- rule_key: the rule's id, or the name of a built-in check.
CREATE TABLE alert_conditions (
    rule_key         varchar(80)  NOT NULL,
    resource_id      uuid         NOT NULL,
    firing           boolean      NOT NULL,
    breaching_since  timestamptz,
    clearing_since   timestamptz,
    PRIMARY KEY (rule_key, resource_id)
);

CREATE TABLE alerts (
    id               uuid              PRIMARY KEY,
    rule_id          uuid,
    rule_key         varchar(80)       NOT NULL,
    alert_type       varchar(40)       NOT NULL,
    severity         varchar(10)       NOT NULL,
    status           varchar(12)       NOT NULL,
    resource_type    varchar(8)        NOT NULL,
    resource_id      uuid              NOT NULL,
    node_id          uuid,
    vm_id            uuid,
    owner_id         uuid,
    resource_name    varchar(200),
    message          text,
    value            double precision,
    threshold        double precision,
    triggered_at     timestamptz       NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  uuid,
    resolved_at      timestamptz,
    resolved_by      uuid
);
-- One open alert per rule and resource, whatever the number of instances evaluating.
CREATE UNIQUE INDEX alerts_one_open ON alerts (rule_key, resource_id) WHERE status <> 'resolved';
CREATE INDEX alerts_owner ON alerts (owner_id, triggered_at DESC);
CREATE INDEX alerts_triggered ON alerts (triggered_at DESC);
