package io.proxima.application.vm;

import java.time.Duration;

/**
 * Tunables of the operation runner, produced from configuration by the bootstrap module.
 *
 * @param concurrency          operations one instance advances at the same time
 * @param lease                how long a claim holds without a heartbeat; a dead runner's work is taken over after it
 * @param maxAttempts          tries of a forward step on transient faults before the operation fails
 * @param compensationAttempts tries of a cleanup step (any failure) before a human is asked
 * @param taskPollMin          first pause before looking at a running PVE task again
 * @param taskPollMax          longest pause between two looks at a running PVE task
 */
public record OperationSettings(int concurrency, Duration lease, int maxAttempts, int compensationAttempts,
                                Duration taskPollMin, Duration taskPollMax) {

    public OperationSettings {
        if (concurrency < 1 || maxAttempts < 1 || compensationAttempts < 1) {
            throw new IllegalArgumentException("operation concurrency and attempts must be at least 1");
        }
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("the operation lease must be at least 3 s");
        }
    }

    public static OperationSettings defaults() {
        return new OperationSettings(4, Duration.ofSeconds(60), 6, 10, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }
}
