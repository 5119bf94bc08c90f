package io.proxima.adapter.out.proxmox;

import java.time.Duration;

/**
 * The client's tunables. Defaults follow what PVE's own clients learned: 1 s task polls (here
 * starting faster and backing off to 2 s), a few vmid attempts, a per-node breaker.
 */
record PveClientSettings(Duration connectTimeout, Duration requestTimeout, Duration taskPollInitial,
                         Duration taskPollMax, Duration taskNotVisibleGrace, int vmidAttempts,
                         int breakerFailureThreshold, Duration breakerOpenFor, Duration ticketRenewAfter,
                         int maxConnectionsPerNode) {

    PveClientSettings {
        if (vmidAttempts < 1 || breakerFailureThreshold < 1 || maxConnectionsPerNode < 1) {
            throw new IllegalArgumentException("attempts, breaker threshold and pool size must be positive");
        }
    }

    static PveClientSettings defaults() {
        return new PveClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(250),
                Duration.ofSeconds(2), Duration.ofSeconds(10), 8, 5, Duration.ofSeconds(30), Duration.ofHours(1), 6);
    }

    PveClientSettings withRequestTimeout(Duration d) {
        return new PveClientSettings(connectTimeout, d, taskPollInitial, taskPollMax, taskNotVisibleGrace, vmidAttempts,
                breakerFailureThreshold, breakerOpenFor, ticketRenewAfter, maxConnectionsPerNode);
    }

    PveClientSettings withTaskPolling(Duration initial, Duration max) {
        return new PveClientSettings(connectTimeout, requestTimeout, initial, max, taskNotVisibleGrace, vmidAttempts,
                breakerFailureThreshold, breakerOpenFor, ticketRenewAfter, maxConnectionsPerNode);
    }

    PveClientSettings withBreaker(int threshold, Duration openFor) {
        return new PveClientSettings(connectTimeout, requestTimeout, taskPollInitial, taskPollMax, taskNotVisibleGrace,
                vmidAttempts, threshold, openFor, ticketRenewAfter, maxConnectionsPerNode);
    }

    PveClientSettings withTicketRenewAfter(Duration d) {
        return new PveClientSettings(connectTimeout, requestTimeout, taskPollInitial, taskPollMax, taskNotVisibleGrace,
                vmidAttempts, breakerFailureThreshold, breakerOpenFor, d, maxConnectionsPerNode);
    }
}
