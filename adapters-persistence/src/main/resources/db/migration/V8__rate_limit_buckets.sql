-- Token buckets shared by all instances (Bucket4j's PostgreSQL proxy, select-for-update).
-- expires_at is in epoch milliseconds, as Bucket4j writes it; expired rows are purged periodically.
CREATE TABLE rate_limit_buckets (
    id          varchar(200)  PRIMARY KEY,
    state       bytea,
    expires_at  bigint
);
CREATE INDEX rate_limit_buckets_expires_idx ON rate_limit_buckets (expires_at);
