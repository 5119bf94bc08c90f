-- What billing meters: one row per VM, fed by the VM context through MeteringUseCase.
-- paid_through is the end of the last charged hour; month_* carry the calendar-month cap (UTC).
CREATE TABLE billing_metered_resources (
    id                  uuid         PRIMARY KEY,
    vm_id               uuid         NOT NULL UNIQUE,
    owner_id            uuid         NOT NULL,
    account_id          uuid         NOT NULL REFERENCES billing_accounts (id),
    plan_id             uuid,
    currency            char(3)      NOT NULL,
    hourly_minor        bigint       NOT NULL CHECK (hourly_minor >= 0),
    monthly_minor       bigint       NOT NULL CHECK (monthly_minor >= 0),
    status              varchar(16)  NOT NULL CHECK (status IN ('active', 'suspended', 'ended')),
    suspend_reason      varchar(32),
    paid_through        timestamptz  NOT NULL,
    month_start         timestamptz  NOT NULL,
    month_charged_minor bigint       NOT NULL DEFAULT 0,
    month_cap_minor     bigint       NOT NULL,
    last_charge_minor   bigint       NOT NULL DEFAULT 0,
    started_at          timestamptz  NOT NULL,
    suspended_at        timestamptz,
    ended_at            timestamptz,
    version             bigint       NOT NULL DEFAULT 0
) WITH (fillfactor = 70);
-- No index on paid_through or status: the run rewrites paid_through of every row it charges, and
-- leaving the changed columns unindexed (plus free space in each page) lets PostgreSQL update the
-- rows in place (HOT). Finding the due rows is one sequential scan per run (docs/billing.md).
CREATE INDEX billing_metered_owner ON billing_metered_resources (owner_id);
