-- Customers' firewall rules (seed 001). Proxima's table is the source of truth; each rule is
-- written to PVE with the comment "proxima:<id>" and the guest's rules are re-synced on change.
CREATE TABLE vm_firewall_rules (
    id              uuid          PRIMARY KEY,
    vm_id           uuid          NOT NULL REFERENCES vms (id),
    position        integer       NOT NULL,
    direction       varchar(8)    NOT NULL,
    action          varchar(8)    NOT NULL,
    protocol        varchar(8)    NOT NULL,
    port            varchar(11),
    source          varchar(64),
    destination     varchar(64),
    enabled         boolean       NOT NULL DEFAULT true,
    comment         varchar(200),
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL
);
CREATE INDEX vm_firewall_rules_vm_idx ON vm_firewall_rules (vm_id, position);
