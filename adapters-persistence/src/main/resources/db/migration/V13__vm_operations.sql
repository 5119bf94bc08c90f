-- Durable operations (sagas) on VMs. A runner leases an operation (lease_owner/lease_until)
-- before it works on it; the partial unique index allows one unfinished operation per VM.
CREATE TABLE vm_operations (
    id                    uuid          PRIMARY KEY,
    vm_id                 uuid          NOT NULL REFERENCES vms (id),
    requested_by          uuid,
    type                  varchar(24)   NOT NULL,
    status                varchar(16)   NOT NULL,
    steps                 jsonb         NOT NULL,
    data                  jsonb         NOT NULL DEFAULT '{}',
    current_step          integer       NOT NULL DEFAULT 0,
    compensating          boolean       NOT NULL DEFAULT false,
    error                 text,
    next_run_at           timestamptz,
    lease_owner           varchar(64),
    lease_until           timestamptz,
    version               bigint        NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    finished_at           timestamptz
);
CREATE UNIQUE INDEX vm_operations_one_active_uq ON vm_operations (vm_id) WHERE status IN ('pending', 'running');
CREATE INDEX vm_operations_due_idx ON vm_operations (next_run_at) WHERE status IN ('pending', 'running');
CREATE INDEX vm_operations_vm_idx ON vm_operations (vm_id, created_at DESC);
