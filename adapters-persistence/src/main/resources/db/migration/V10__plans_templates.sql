-- What customers order (plans) and what guests are made from (templates).
CREATE TABLE plans (
    id                    uuid          PRIMARY KEY,
    name                  varchar(100)  NOT NULL,
    type                  varchar(8)    NOT NULL CHECK (type IN ('qemu', 'lxc')),
    cpu_cores             integer       NOT NULL CHECK (cpu_cores > 0),
    memory_mb             integer       NOT NULL CHECK (memory_mb > 0),
    disk_gb               integer       NOT NULL CHECK (disk_gb > 0),
    bandwidth_gb          integer       NOT NULL CHECK (bandwidth_gb >= 0),
    snapshot_limit        integer       NOT NULL CHECK (snapshot_limit >= 0),
    price_hourly_minor    bigint        NOT NULL CHECK (price_hourly_minor >= 0),
    price_monthly_minor   bigint        NOT NULL CHECK (price_monthly_minor >= 0),
    currency              char(3)       NOT NULL,
    active                boolean       NOT NULL DEFAULT true,
    version               bigint        NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL
);
CREATE UNIQUE INDEX plans_active_name_uq ON plans (lower(name)) WHERE active;

CREATE TABLE templates (
    id                    uuid          PRIMARY KEY,
    name                  varchar(100)  NOT NULL,
    type                  varchar(8)    NOT NULL CHECK (type IN ('qemu', 'lxc')),
    os_family             varchar(32)   NOT NULL,
    pve_vmid              integer,
    ostemplate            varchar(255),
    node_id               uuid          REFERENCES nodes (id),
    min_disk_gb           integer       NOT NULL CHECK (min_disk_gb > 0),
    cloud_init            boolean       NOT NULL DEFAULT true,
    active                boolean       NOT NULL DEFAULT true,
    version               bigint        NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    CHECK ((type = 'qemu' AND pve_vmid IS NOT NULL) OR (type = 'lxc' AND ostemplate IS NOT NULL))
);
