-- Recharge orders, refunds, webhook events, idempotency keys.
CREATE TABLE billing_recharge_orders (
    id              uuid         PRIMARY KEY,
    owner_id        uuid         NOT NULL,
    amount_minor    bigint       NOT NULL CHECK (amount_minor > 0),
    currency        char(3)      NOT NULL,
    gateway         varchar(32)  NOT NULL,
    status          varchar(16)  NOT NULL CHECK (status IN ('pending', 'paid', 'expired', 'failed', 'refunded')),
    external_id     varchar(255),
    payment_ref     varchar(255),
    payment_url     text,
    refunded_minor  bigint       NOT NULL DEFAULT 0,
    failure_reason  text,
    created_at      timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    paid_at         timestamptz,
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT billing_orders_refund_bound CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor)
);
CREATE UNIQUE INDEX billing_orders_external ON billing_recharge_orders (gateway, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX billing_orders_owner ON billing_recharge_orders (owner_id, created_at DESC);
CREATE INDEX billing_orders_pending ON billing_recharge_orders (created_at) WHERE status = 'pending';

CREATE TABLE billing_refunds (
    id            uuid         PRIMARY KEY,
    owner_id      uuid         NOT NULL,
    order_id      uuid         REFERENCES billing_recharge_orders (id),
    vm_id         uuid,
    amount_minor  bigint       NOT NULL CHECK (amount_minor > 0),
    currency      char(3)      NOT NULL,
    destination   varchar(16)  NOT NULL CHECK (destination IN ('gateway', 'balance')),
    status        varchar(16)  NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    reason        text         NOT NULL CHECK (length(trim(reason)) > 0),
    actor_id      uuid,
    gateway_ref   varchar(255),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX billing_refunds_order ON billing_refunds (order_id);
CREATE INDEX billing_refunds_owner ON billing_refunds (owner_id);

-- Gateway events already applied (webhooks are delivered at least once).
CREATE TABLE billing_webhook_events (
    gateway      varchar(32)  NOT NULL,
    event_id     varchar(255) NOT NULL,
    type         varchar(128),
    received_at  timestamptz  NOT NULL,
    PRIMARY KEY (gateway, event_id)
);

-- Idempotency-Key of money-moving POSTs, per caller and scope, for 24 hours.
CREATE TABLE billing_idempotency_keys (
    scope         varchar(32)  NOT NULL,
    caller_id     uuid         NOT NULL,
    key           varchar(255) NOT NULL,
    request_hash  char(64)     NOT NULL,
    result_ref    varchar(64)  NOT NULL,
    created_at    timestamptz  NOT NULL,
    PRIMARY KEY (scope, caller_id, key)
);
