package io.proxima.domain.user;

import java.time.Duration;
import java.time.Instant;

/**
 * Back-off after failed logins: from the {@code maxFailures}-th consecutive failure on, every
 * further failure locks the account for {@code lockDuration}, doubling with each lock up to a day.
 */
public record LockoutPolicy(int maxFailures, Duration lockDuration) {

    private static final Duration CEILING = Duration.ofDays(1);

    public LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be positive");
        }
        if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("lockDuration must be positive");
        }
    }

    /** When an account that has now failed {@code failures} times in a row is locked until, or null. */
    public Instant lockedUntil(int failures, Instant now) {
        if (failures < maxFailures) {
            return null;
        }
        int doublings = Math.min(failures - maxFailures, 16);
        Duration d = lockDuration.multipliedBy(1L << doublings);
        return now.plus(d.compareTo(CEILING) > 0 ? CEILING : d);
    }
}
