package io.proxima.application.shared.port.out;

import java.time.Instant;

/** Makes a periodic job run once per period across all instances. */
public interface PeriodicJobs {

    /** Claims {@code job} for the period that starts at {@code periodStart}; false when an instance already has. */
    boolean claim(String job, Instant periodStart);
}
