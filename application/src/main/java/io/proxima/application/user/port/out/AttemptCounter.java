package io.proxima.application.user.port.out;

import java.time.Instant;
import java.util.Optional;

/** Failure counters and locks per key, shared by every instance. */
public interface AttemptCounter {

    /** Counts one more failure (a key quiet for a day starts again at 1); returns the count. Atomic. */
    int increment(String key, Instant now);

    void lockUntil(String key, Instant until);

    Optional<Instant> lockedUntil(String key);

    void clear(String key);

    /** Removes keys not touched since {@code before}; returns how many. */
    int purge(Instant before);
}
