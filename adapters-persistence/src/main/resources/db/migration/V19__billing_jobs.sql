-- Scheduled jobs: one claim per (job, period) across instances.
CREATE TABLE billing_job_runs (
    job           varchar(64)  NOT NULL,
    period_start  timestamptz  NOT NULL,
    claimed_at    timestamptz  NOT NULL,
    PRIMARY KEY (job, period_start)
);

-- Outbox of requests to the VM context (suspend, unsuspend, terminate) and notices to customers,
-- written in the transaction that decided them and delivered after commit until they succeed.
CREATE TABLE billing_control_requests (
    id             bigserial    PRIMARY KEY,
    owner_id       uuid         NOT NULL,
    action         varchar(16)  NOT NULL CHECK (action IN ('suspend', 'unsuspend', 'terminate', 'low_balance')),
    reason         text,
    balance_minor  bigint,
    currency       char(3),
    created_at     timestamptz  NOT NULL,
    leased_until   timestamptz,
    attempts       int          NOT NULL DEFAULT 0,
    last_error     text,
    delivered_at   timestamptz
);
CREATE INDEX billing_control_undelivered ON billing_control_requests (id) WHERE delivered_at IS NULL;

-- Monthly statements, generated on the 1st for the month before, with one line per VM.
CREATE TABLE billing_invoices (
    id                uuid         PRIMARY KEY,
    account_id        uuid         NOT NULL REFERENCES billing_accounts (id),
    owner_id          uuid         NOT NULL,
    currency          char(3)      NOT NULL,
    period_start      timestamptz  NOT NULL,
    period_end        timestamptz  NOT NULL,
    opening_minor     bigint       NOT NULL,
    recharges_minor   bigint       NOT NULL,
    charges_minor     bigint       NOT NULL,
    refunds_minor     bigint       NOT NULL,
    adjustments_minor bigint       NOT NULL,
    closing_minor     bigint       NOT NULL,
    created_at        timestamptz  NOT NULL,
    CONSTRAINT billing_invoices_once UNIQUE (account_id, period_start),
    CONSTRAINT billing_invoices_add_up CHECK (
        opening_minor + recharges_minor + charges_minor + refunds_minor + adjustments_minor = closing_minor)
);
CREATE INDEX billing_invoices_owner ON billing_invoices (owner_id, period_start DESC);

CREATE TABLE billing_invoice_lines (
    invoice_id    uuid         NOT NULL REFERENCES billing_invoices (id),
    vm_id         uuid         NOT NULL,
    hours         bigint       NOT NULL,
    amount_minor  bigint       NOT NULL,
    PRIMARY KEY (invoice_id, vm_id)
);
