package io.proxima.application.shared.port.out;

import java.time.Instant;

/** Makes a periodic job run once per period across all instances (the one job-claim store). */
public interface PeriodicJobs {

    /** Claims {@code job} for the period that starts at {@code periodStart}; false when an instance already has. */
    boolean claim(String job, Instant periodStart);

    /** Forgets claims made before {@code cutoff} (their periods are long over); returns how many. */
    int purgeClaimedBefore(Instant cutoff);
}
