-- Billing: accounts and the double-entry ledger (issue 6, docs/billing.md).
-- Users are referred to by id only: the identity tables live in another context.

-- Customer accounts (one per user) and system accounts (revenue, adjustments, one clearing
-- account per payment gateway and currency). Only customer balances are cached: a cached system
-- balance would be one hot row that every movement in the installation has to lock.
CREATE TABLE billing_accounts (
    id                      uuid         PRIMARY KEY,
    owner_id                uuid         UNIQUE,
    system_code             varchar(64),
    currency                char(3)      NOT NULL,
    balance_minor           bigint       NOT NULL DEFAULT 0,
    version                 bigint       NOT NULL DEFAULT 0,
    suspended_at            timestamptz,
    terminated_at           timestamptz,
    low_balance_notified_at timestamptz,
    created_at              timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT billing_accounts_kind CHECK ((owner_id IS NULL) <> (system_code IS NULL)),
    CONSTRAINT billing_accounts_system_unique UNIQUE (system_code, currency)
) WITH (fillfactor = 80);
-- balance_minor is deliberately not indexed: every billing run rewrites it, and an index on it would
-- rule out HOT updates (the enforcement pass scans accounts once per run instead).
CREATE INDEX billing_accounts_suspended ON billing_accounts (suspended_at) WHERE suspended_at IS NOT NULL;

-- The ledger. Each row is one balanced entry pair: +amount on account_id (always a customer)
-- and -amount on counter_account_id (a system account). Both legs live in one row, so a pair
-- can never be half-written; rows are never updated or deleted (a trigger refuses it).
CREATE TABLE billing_journal (
    seq                 bigserial    PRIMARY KEY,
    id                  uuid         NOT NULL UNIQUE,
    type                varchar(16)  NOT NULL CHECK (type IN ('recharge', 'charge', 'refund', 'adjustment', 'reversal')),
    account_id          uuid         NOT NULL REFERENCES billing_accounts (id),
    counter_account_id  uuid         NOT NULL REFERENCES billing_accounts (id),
    amount_minor        bigint       NOT NULL,
    currency            char(3)      NOT NULL,
    balance_after_minor bigint       NOT NULL,
    vm_id               uuid,
    period_start        timestamptz,
    order_id            uuid,
    refund_id           uuid,
    reverses            uuid,
    actor_id            uuid,
    reason              text,
    description         text,
    effective_at        timestamptz  NOT NULL,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT billing_journal_two_accounts CHECK (account_id <> counter_account_id),
    CONSTRAINT billing_journal_charge_sign CHECK (type <> 'charge' OR period_start IS NULL OR amount_minor <= 0),
    CONSTRAINT billing_journal_recharge_sign CHECK (type <> 'recharge' OR amount_minor > 0)
);
-- Exactly once: one hourly charge per (VM, hour), whoever runs the job, however often.
CREATE UNIQUE INDEX billing_journal_hour_once ON billing_journal (vm_id, period_start) WHERE period_start IS NOT NULL;
CREATE INDEX billing_journal_account ON billing_journal (account_id, seq);
CREATE INDEX billing_journal_order ON billing_journal (order_id) WHERE order_id IS NOT NULL;

CREATE FUNCTION billing_journal_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'billing_journal is append-only: correct with a new entry';
END $$;
CREATE TRIGGER billing_journal_no_update BEFORE UPDATE OR DELETE ON billing_journal
    FOR EACH ROW EXECUTE FUNCTION billing_journal_immutable();
