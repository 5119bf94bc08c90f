package io.proxima.application.billing.port.out;

import java.util.UUID;

/**
 * What billing asks of the VM context when money runs out or comes back. Implemented by the VM
 * context (stop in PVE, status {@code suspended}, destroy); calls must be idempotent because the
 * outbox retries until they succeed.
 */
public interface ServiceControl {

    /** Suspend (stop) every VM of the user. */
    void suspendAllOf(UUID userId, String reason);

    /** Lift billing's suspension of the user's VMs. */
    void unsuspendAllOf(UUID userId);

    /** Terminate (destroy) every VM of the user after the grace period. */
    void terminateAllOf(UUID userId);
}
