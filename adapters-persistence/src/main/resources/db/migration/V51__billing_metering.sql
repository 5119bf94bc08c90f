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
);
-- The billing run reads only active rows whose next hour has started.
CREATE INDEX billing_metered_due ON billing_metered_resources (paid_through) WHERE status = 'active';
CREATE INDEX billing_metered_owner ON billing_metered_resources (owner_id);
