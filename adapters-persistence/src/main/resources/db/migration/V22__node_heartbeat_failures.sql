-- Consecutive failed heartbeats: a node turns offline only after several (proxima.nodes.offline-after-failures).
ALTER TABLE nodes ADD COLUMN heartbeat_failures integer NOT NULL DEFAULT 0;
