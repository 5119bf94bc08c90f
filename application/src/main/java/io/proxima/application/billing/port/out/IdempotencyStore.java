package io.proxima.application.billing.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Idempotency keys of money-moving POSTs: the same key and body within the window returns the first result. */
public interface IdempotencyStore {

    /** A key's earlier use: the hash of its request and what it produced. */
    record Claim(String requestHash, String resultRef) {
    }

    /**
     * Claims {@code key} for {@code resultRef} in the caller's transaction, or returns the claim
     * made earlier within {@code window} (a concurrent claim waits for the first to commit).
     */
    Optional<Claim> claim(String scope, UUID caller, String key, String requestHash, String resultRef, Instant now,
                          Duration window);

    /** Deletes keys created before {@code cutoff} (past every window); returns how many. */
    int purgeCreatedBefore(Instant cutoff);
}
