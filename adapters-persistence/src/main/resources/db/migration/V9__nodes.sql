-- PVE hosts guests are placed on. The API token secret is stored encrypted (AES-GCM with
-- PROXIMA_SECRETS_KEY) and never returned by the API.
CREATE TABLE nodes (
    id                    uuid          PRIMARY KEY,
    name                  varchar(63)   NOT NULL UNIQUE,
    pve_node              varchar(63)   NOT NULL,
    api_url               varchar(255)  NOT NULL,
    api_token_id          varchar(255)  NOT NULL,
    api_token_secret_enc  text          NOT NULL,
    tls_fingerprint       varchar(95),
    tls_insecure          boolean       NOT NULL DEFAULT false,
    location              varchar(64),
    cpu_overcommit        double precision NOT NULL DEFAULT 4.0 CHECK (cpu_overcommit >= 1.0),
    memory_overcommit     double precision NOT NULL DEFAULT 1.0 CHECK (memory_overcommit >= 1.0),
    storage               varchar(64)   NOT NULL DEFAULT 'local-lvm',
    bridge                varchar(64)   NOT NULL DEFAULT 'vmbr0',
    enabled               boolean       NOT NULL DEFAULT true,
    status                varchar(16)   NOT NULL DEFAULT 'unknown',
    last_heartbeat_at     timestamptz,
    total_memory_mb       bigint        NOT NULL DEFAULT 0,
    total_cores           integer       NOT NULL DEFAULT 0,
    pve_version           varchar(64),
    version               bigint        NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL
);
CREATE INDEX nodes_location_idx ON nodes (location);
