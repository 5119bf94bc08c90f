-- Sessions: each login opens a refresh-token family; every refresh rotates the token within it.
-- Reusing a rotated token revokes the family. Access tokens carry the family id and their jti.
CREATE TABLE refresh_token_families (
    id             uuid         PRIMARY KEY,
    user_id        uuid         NOT NULL REFERENCES users (id),
    created_at     timestamptz  NOT NULL,
    revoked_at     timestamptz,
    revoke_reason  varchar(64)
);
CREATE INDEX refresh_token_families_user_idx ON refresh_token_families (user_id) WHERE revoked_at IS NULL;

CREATE TABLE refresh_tokens (
    id           uuid         PRIMARY KEY,
    family_id    uuid         NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
    user_id      uuid         NOT NULL REFERENCES users (id),
    token_hash   char(64)     NOT NULL UNIQUE,
    issued_at    timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    rotated_at   timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);

-- Access tokens revoked before their expiry (logout); rows can go once the token expired.
CREATE TABLE revoked_access_tokens (
    jti         uuid         PRIMARY KEY,
    user_id     uuid         NOT NULL,
    expires_at  timestamptz  NOT NULL,
    revoked_at  timestamptz  NOT NULL
);
CREATE INDEX revoked_access_tokens_expires_idx ON revoked_access_tokens (expires_at);
