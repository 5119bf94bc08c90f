package io.proxima.application.billing.port.out;

/** Cross-instance exclusion of billing batches (period claims are the shared {@code PeriodicJobs}). */
public interface JobLock {

    /** Takes the billing jobs' lock for the current transaction; false when another instance holds it. */
    boolean tryLockForTransaction();
}
