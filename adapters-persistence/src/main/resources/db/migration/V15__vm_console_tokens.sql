-- One-time console tokens (issue 5): POST /vms/{id}/console stores the SHA-256 of a random token;
-- the WebSocket upgrade consumes it with one conditional UPDATE, so any instance can accept it
-- and no token is ever used twice. Tokens live 60 s by default; expired rows are swept.
CREATE TABLE vm_console_tokens (
    token_hash      char(64)      PRIMARY KEY,
    vm_id           uuid          NOT NULL REFERENCES vms (id),
    user_id         uuid          NOT NULL,
    admin           boolean       NOT NULL DEFAULT false,
    expires_at      timestamptz   NOT NULL,
    used_at         timestamptz,
    created_at      timestamptz   NOT NULL
);
CREATE INDEX vm_console_tokens_expiry_idx ON vm_console_tokens (expires_at);
