package io.proxima.application.system.port.in;

import java.time.Duration;

/** Removes bookkeeping rows that have served their purpose: job claims, idempotency keys, webhook events. */
public interface PlatformHousekeepingUseCase {

    /** What one pass removed. */
    record Purged(int jobClaims, int idempotencyKeys, int webhookEvents) {
    }

    /** How long each kind of row is kept (raised to a safe minimum when shorter). */
    record Retention(Duration jobClaims, Duration idempotencyKeys, Duration webhookEvents) {
    }

    /** Idempotent and safe on every instance at once (plain deletes by age). */
    Purged purge(Retention retention);
}
