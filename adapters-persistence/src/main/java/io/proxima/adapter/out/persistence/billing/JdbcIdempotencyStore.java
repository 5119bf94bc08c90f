package io.proxima.adapter.out.persistence.billing;

import io.proxima.application.billing.port.out.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final Sql sql;

    @Inject
    public JdbcIdempotencyStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Claim> claim(String scope, UUID caller, String key, String requestHash, String resultRef, Instant now,
                                 Duration window) {
        // A key older than the window is free again: take it over in place.
        int taken = sql.update("""
                INSERT INTO billing_idempotency_keys (scope, caller_id, key, request_hash, result_ref, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (scope, caller_id, key) DO UPDATE
                   SET request_hash = EXCLUDED.request_hash, result_ref = EXCLUDED.result_ref, created_at = EXCLUDED.created_at
                 WHERE billing_idempotency_keys.created_at < ?""",
                scope, caller, key, requestHash, resultRef, now, now.minus(window));
        if (taken == 1) {
            return Optional.empty();
        }
        // The insert waited for any concurrent claim to commit, so the earlier claim is visible now.
        return sql.one("SELECT request_hash, result_ref FROM billing_idempotency_keys WHERE scope = ? AND caller_id = ? AND key = ?",
                rs -> new Claim(rs.getString("request_hash"), rs.getString("result_ref")), scope, caller, key);
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        return sql.update("DELETE FROM billing_idempotency_keys WHERE created_at < ?", cutoff);
    }
}
