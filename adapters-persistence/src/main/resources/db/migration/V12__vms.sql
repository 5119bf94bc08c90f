-- Customers' guests. (node_id, vmid) is an address, unique among guests that exist; the id is
-- Proxima's and is also written into the guest in PVE (tag and description).
CREATE TABLE vms (
    id                    uuid          PRIMARY KEY,
    owner_id              uuid          NOT NULL,
    type                  varchar(8)    NOT NULL CHECK (type IN ('qemu', 'lxc')),
    hostname              varchar(253)  NOT NULL,
    plan_id               uuid          NOT NULL,
    template_id           uuid,
    cpu_cores             integer       NOT NULL,
    memory_mb             integer       NOT NULL,
    disk_gb               integer       NOT NULL,
    node_id               uuid          REFERENCES nodes (id),
    pve_node              varchar(63),
    vmid                  integer,
    ip_addresses          text          NOT NULL DEFAULT '',
    status                varchar(16)   NOT NULL,
    status_reason         text,
    version               bigint        NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL
);
CREATE INDEX vms_owner_idx ON vms (owner_id, created_at DESC);
CREATE INDEX vms_node_idx ON vms (node_id) WHERE status NOT IN ('deleted', 'error');
CREATE INDEX vms_status_idx ON vms (status);
CREATE INDEX vms_created_idx ON vms (created_at DESC);
CREATE UNIQUE INDEX vms_node_vmid_uq ON vms (node_id, vmid) WHERE vmid IS NOT NULL AND status <> 'deleted';
