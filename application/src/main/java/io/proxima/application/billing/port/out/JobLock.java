package io.proxima.application.billing.port.out;

import java.time.Instant;

/** Cross-instance coordination of billing jobs through the database. */
public interface JobLock {

    /** Takes the billing jobs' lock for the current transaction; false when another instance holds it. */
    boolean tryLockForTransaction();

    /** Claims {@code job} for the period starting at {@code periodStart}; false when some instance already ran it. */
    boolean claimPeriod(String job, Instant periodStart, Instant now);
}
