-- Identity: user accounts. Usernames and emails are unique ignoring case, deleted accounts
-- included (a soft-deleted account keeps them reserved).
CREATE TABLE users (
    id                uuid          PRIMARY KEY,
    username          varchar(32)   NOT NULL,
    email             varchar(254)  NOT NULL,
    phone             varchar(32),
    password_hash     varchar(255)  NOT NULL,
    role              varchar(16)   NOT NULL CHECK (role IN ('user', 'support', 'admin')),
    status            varchar(24)   NOT NULL CHECK (status IN ('pending_verification', 'active', 'disabled', 'deleted')),
    language          varchar(8)    NOT NULL DEFAULT 'en',
    avatar            varchar(512),
    email_verified    boolean       NOT NULL DEFAULT false,
    totp_secret       text,
    totp_enabled      boolean       NOT NULL DEFAULT false,
    totp_last_step    bigint        NOT NULL DEFAULT 0,
    failed_logins     integer       NOT NULL DEFAULT 0,
    locked_until      timestamptz,
    last_login_at     timestamptz,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX users_role_status_idx ON users (role, status);
CREATE INDEX users_created_at_idx ON users (created_at);
