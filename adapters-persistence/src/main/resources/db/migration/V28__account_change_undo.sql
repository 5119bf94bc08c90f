-- Issue 11: an email change is a pending request (a code mailed to the new address) until
-- confirmed; the old address gets a link that undoes an email or phone change for 7 days.
ALTER TABLE one_time_codes DROP CONSTRAINT IF EXISTS one_time_codes_purpose_check;
ALTER TABLE one_time_codes ADD CONSTRAINT one_time_codes_purpose_check
    CHECK (purpose IN ('email_verification', 'password_reset', 'email_change'));

-- One row per change: the contact data before it, so the owner can restore it. Only the
-- SHA-256 of the undo token is stored; it is used once (conditional UPDATE, any instance).
CREATE TABLE account_change_undo (
    token_hash   char(64)      PRIMARY KEY,
    user_id      uuid          NOT NULL REFERENCES users (id),
    kind         varchar(16)   NOT NULL CHECK (kind IN ('email', 'phone')),
    old_email    varchar(254)  NOT NULL,
    old_phone    varchar(32),
    created_at   timestamptz   NOT NULL,
    expires_at   timestamptz   NOT NULL,
    used_at      timestamptz
);
CREATE INDEX account_change_undo_user_idx ON account_change_undo (user_id);
CREATE INDEX account_change_undo_expiry_idx ON account_change_undo (expires_at);
