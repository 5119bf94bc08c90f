-- API keys (seed 004): the secret is shown once; the prefix identifies it, the hash verifies it.
CREATE TABLE api_keys (
    id            uuid          PRIMARY KEY,
    user_id       uuid          NOT NULL REFERENCES users (id),
    name          varchar(64)   NOT NULL,
    prefix        varchar(16)   NOT NULL UNIQUE,
    secret_hash   char(64)      NOT NULL,
    scopes        varchar(64)   NOT NULL,
    allowed_ips   text          NOT NULL DEFAULT '',
    expires_at    timestamptz,
    enabled       boolean       NOT NULL DEFAULT true,
    created_at    timestamptz   NOT NULL,
    last_used_at  timestamptz
);
CREATE INDEX api_keys_user_idx ON api_keys (user_id);
