package io.proxima.application.vm.port.out;

import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.VmId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable operations (sagas) and the leases that make sure exactly one worker, across all
 * instances, advances an operation at a time.
 */
public interface OperationRepository {

    void insert(Operation operation);

    Optional<Operation> find(UUID id);

    /** The unfinished operation of a VM, if any: a VM runs one operation at a time. */
    Optional<Operation> findActive(VmId vmId);

    /**
     * Takes the lease of up to {@code limit} unfinished operations that are due and not leased by
     * a live worker (row locks with SKIP LOCKED, so concurrent claimers never get the same row).
     */
    List<UUID> claimDue(String worker, Instant now, Instant leaseUntil, int limit);

    /**
     * Saves progress and extends the lease, only while {@code worker} still holds it; false when
     * the lease was lost (another worker took over after it expired) — the caller must stop.
     */
    boolean saveIfHeld(Operation operation, String worker, Instant leaseUntil);

    /** The heartbeat of a live runner: extends the leases it still holds; returns how many. */
    int renew(java.util.Collection<UUID> ids, String worker, Instant leaseUntil);

    /** Gives the lease back so the operation can be picked up at once when it is due. */
    void release(UUID id, String worker);
}
