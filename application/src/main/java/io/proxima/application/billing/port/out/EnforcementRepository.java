package io.proxima.application.billing.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Set-based suspension, termination and unsuspension of accounts, and the outbox of the
 * service-control requests and notices they produce (delivered after commit, retried until done).
 */
public interface EnforcementRepository {

    /** One request for the VM context or the notifier. */
    record ControlRequest(long id, UUID ownerId, String action, String reason, String balance, String currency,
                          int attempts) {
    }

    /** Suspends every account at or below zero that still has running metered resources; returns the owners. */
    List<UUID> suspendOverdrawn(Instant now);

    /** Terminates accounts suspended since {@code suspendedBefore} and still at or below zero. */
    List<UUID> terminateOverdue(Instant suspendedBefore, Instant now);

    /** Flags accounts whose positive balance lasts fewer than {@code hours} at the current burn rate. */
    List<UUID> flagLowBalance(int hours, Instant now);

    /** Lifts billing's suspension of the owner's resources (the account must be locked); queues the request. */
    int unsuspend(UUID ownerId, Instant now);

    /** Queues a request in the caller's transaction. */
    void enqueue(UUID ownerId, String action, String reason, Instant now);

    /** Leases up to {@code limit} undelivered requests so that one instance delivers each at a time. */
    List<ControlRequest> claim(int limit, Instant now);

    void delivered(long id, Instant at);

    void failed(long id, String error, Instant at);
}
