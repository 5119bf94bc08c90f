-- Issue 11: failure counters shared by every instance. Keys: login:<user>:<ip> (the lock of one
-- account from one address, so strangers cannot lock the owner out) and totp:<user> (TOTP confirm
-- and disable guesses). Rows of a quiet key are reset after a day; housekeeping purges old ones.
CREATE TABLE security_attempts (
    key           varchar(160)  PRIMARY KEY,
    failures      integer       NOT NULL,
    locked_until  timestamptz,
    updated_at    timestamptz   NOT NULL
);
CREATE INDEX security_attempts_updated_idx ON security_attempts (updated_at);

-- Emailed login codes: asked for when an account-wide burst of failures hit an account without 2FA.
ALTER TABLE one_time_codes DROP CONSTRAINT IF EXISTS one_time_codes_purpose_check;
ALTER TABLE one_time_codes ADD CONSTRAINT one_time_codes_purpose_check
    CHECK (purpose IN ('email_verification', 'password_reset', 'email_change', 'login'));
