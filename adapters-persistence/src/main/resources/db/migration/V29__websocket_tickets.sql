-- Issue 11: one-time WebSocket tickets for the console and the metrics stream (the access token
-- no longer travels in a URL). A ticket remembers the session (token id and family, or API key)
-- and role that obtained it, so the open socket can be re-checked against the database and closed
-- once that session ends, on whichever instance holds it.
ALTER TABLE vm_console_tokens ADD COLUMN purpose varchar(16) NOT NULL DEFAULT 'console'
    CHECK (purpose IN ('console', 'metrics'));
ALTER TABLE vm_console_tokens ADD COLUMN role varchar(16);
ALTER TABLE vm_console_tokens ADD COLUMN token_id uuid;
ALTER TABLE vm_console_tokens ADD COLUMN family_id uuid;
ALTER TABLE vm_console_tokens ADD COLUMN api_key_id uuid;
