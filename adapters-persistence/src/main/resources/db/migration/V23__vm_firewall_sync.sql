-- What PVE must hold for a VM's firewall versus what Proxima last saw applied. Every rule change
-- bumps desired_version in the change's transaction (the row lock also serialises the per-VM rule
-- limit); a sync that completes records the version it applied. A VM whose applied_version lags is
-- converged by reconciliation, so a PVE failure midway never leaves the two diverged for good.
CREATE TABLE vm_firewall_sync (
    vm_id            uuid          PRIMARY KEY REFERENCES vms (id),
    desired_version  bigint        NOT NULL,
    applied_version  bigint        NOT NULL DEFAULT 0,
    last_error       text,
    last_attempt_at  timestamptz,
    updated_at       timestamptz   NOT NULL
);
CREATE INDEX vm_firewall_sync_pending_idx ON vm_firewall_sync (last_attempt_at NULLS FIRST)
    WHERE applied_version < desired_version;
