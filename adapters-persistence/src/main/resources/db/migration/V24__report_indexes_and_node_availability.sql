-- Reports read the journal by booking time (daily income over a year must not scan every entry of
-- every year), and node uptime needs a history the heartbeat alone does not keep: one row per node
-- and UTC day with the heartbeats that answered and those that failed.
CREATE INDEX billing_journal_effective_idx ON billing_journal (effective_at);

CREATE TABLE node_availability_days (
    node_id  uuid     NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    day      date     NOT NULL,
    ok       integer  NOT NULL DEFAULT 0,
    failed   integer  NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, day)
);
