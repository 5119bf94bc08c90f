-- Periodic jobs that must run once per period across instances claim the period here: the
-- primary key lets exactly one insert succeed.
CREATE TABLE job_runs (
    job            varchar(64)  NOT NULL,
    period_start   timestamptz  NOT NULL,
    claimed_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (job, period_start)
);
