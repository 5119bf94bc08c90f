-- Metric samples of the monitoring pipeline (docs/monitoring.md). Raw samples (one per resource
-- and collection cycle) live in a table partitioned by day, so retention drops whole partitions
-- instead of deleting millions of rows; the pipeline creates each day's partition before it
-- writes. Roll-ups (5 minutes, 1 hour) are small enough for plain tables. The primary keys make a
-- sample for the same resource and time unique: a cycle run twice never doubles it.
CREATE TABLE metric_samples_raw (
    resource_id    uuid              NOT NULL,
    ts             timestamptz       NOT NULL,
    resource_type  varchar(8)        NOT NULL,
    node_id        uuid,
    cpu            double precision,
    mem_used       bigint            NOT NULL,
    mem_total      bigint            NOT NULL,
    disk_used      bigint            NOT NULL,
    disk_total     bigint            NOT NULL,
    net_in_rate    double precision,
    net_out_rate   double precision,
    PRIMARY KEY (resource_id, ts)
) PARTITION BY RANGE (ts);
CREATE INDEX metric_samples_raw_nodes ON metric_samples_raw (ts) WHERE resource_type = 'node';

CREATE TABLE metric_samples_5m (
    resource_id    uuid              NOT NULL,
    ts             timestamptz       NOT NULL,
    resource_type  varchar(8)        NOT NULL,
    node_id        uuid,
    cpu            double precision,
    mem_used       bigint            NOT NULL,
    mem_total      bigint            NOT NULL,
    disk_used      bigint            NOT NULL,
    disk_total     bigint            NOT NULL,
    net_in_rate    double precision,
    net_out_rate   double precision,
    samples        integer           NOT NULL,
    PRIMARY KEY (resource_id, ts)
);
CREATE INDEX metric_samples_5m_ts ON metric_samples_5m (ts);

CREATE TABLE metric_samples_1h (LIKE metric_samples_5m INCLUDING ALL);

-- The cumulative counters last read per guest, to derive rates in the next cycle.
CREATE TABLE metric_counters (
    resource_id  uuid         PRIMARY KEY,
    ts           timestamptz  NOT NULL,
    net_in       bigint       NOT NULL,
    net_out      bigint       NOT NULL
);
