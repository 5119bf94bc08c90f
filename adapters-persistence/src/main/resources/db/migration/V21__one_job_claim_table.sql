-- One job-claim table: billing's period claims move into job_runs (the PeriodicJobs store), and
-- claims are purged by age, so job_runs is indexed on claimed_at.
INSERT INTO job_runs (job, period_start, claimed_at)
SELECT job, period_start, claimed_at FROM billing_job_runs
ON CONFLICT DO NOTHING;
DROP TABLE billing_job_runs;
CREATE INDEX job_runs_claimed_at ON job_runs (claimed_at);
CREATE INDEX billing_idempotency_keys_created_at ON billing_idempotency_keys (created_at);
CREATE INDEX billing_webhook_events_received_at ON billing_webhook_events (received_at);
