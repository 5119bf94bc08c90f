-- Mailed one-time codes (email verification, password reset) and two-factor recovery codes.
-- Only hashes are stored.
CREATE TABLE one_time_codes (
    id           uuid         PRIMARY KEY,
    user_id      uuid         NOT NULL REFERENCES users (id),
    purpose      varchar(32)  NOT NULL CHECK (purpose IN ('email_verification', 'password_reset')),
    email        varchar(254) NOT NULL,
    code_hash    char(64)     NOT NULL,
    attempts     integer      NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    consumed_at  timestamptz
);
CREATE INDEX one_time_codes_user_purpose_idx ON one_time_codes (user_id, purpose, created_at DESC);

CREATE TABLE totp_recovery_codes (
    id         uuid         PRIMARY KEY,
    user_id    uuid         NOT NULL REFERENCES users (id),
    code_hash  char(64)     NOT NULL,
    used_at    timestamptz
);
CREATE INDEX totp_recovery_codes_user_idx ON totp_recovery_codes (user_id);
