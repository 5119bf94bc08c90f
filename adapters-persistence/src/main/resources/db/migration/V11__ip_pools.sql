-- IPv4 pools per node (or per location when node_id is null). Addresses are stored as bigint
-- (unsigned 32-bit) so candidate search is a range scan. An address is assigned by inserting its
-- row: the primary key makes double assignment impossible, whatever the concurrency.
CREATE TABLE ip_pools (
    id                    uuid          PRIMARY KEY,
    name                  varchar(64)   NOT NULL,
    node_id               uuid          REFERENCES nodes (id),
    location              varchar(64),
    network               bigint        NOT NULL,
    prefix_length         integer       NOT NULL CHECK (prefix_length BETWEEN 8 AND 30),
    gateway               bigint        NOT NULL,
    excluded              bigint[]      NOT NULL DEFAULT '{}',
    dns                   text          NOT NULL DEFAULT '',
    version               bigint        NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    CHECK (node_id IS NOT NULL OR location IS NOT NULL)
);
CREATE INDEX ip_pools_node_idx ON ip_pools (node_id);

CREATE TABLE ip_addresses (
    address               bigint        PRIMARY KEY,
    pool_id               uuid          NOT NULL REFERENCES ip_pools (id),
    vm_id                 uuid          NOT NULL,
    assigned_at           timestamptz   NOT NULL
);
CREATE INDEX ip_addresses_vm_idx ON ip_addresses (vm_id);
CREATE INDEX ip_addresses_pool_idx ON ip_addresses (pool_id);
