package io.proxima.application.vm.port.out;

import io.proxima.domain.vm.Vm;

/**
 * Told when a VM starts or stops costing money: billing meters from {@code provisioned} to
 * {@code deleted} and refunds what was charged for a VM that never ran.
 */
public interface VmLifecycleListener {

    void provisioned(Vm vm);

    void provisioningFailed(Vm vm, String reason);

    void deleted(Vm vm);

    /** Out of service (admin or billing): charging pauses. */
    void suspended(Vm vm, String reason);

    /** Back in service: charging resumes with a new hour. */
    void unsuspended(Vm vm);

    /**
     * The VM does not run for the customer any more (it entered {@code error}, or its deletion was
     * requested): charging pauses until {@link #inServiceAgain}. Idempotent.
     */
    default void outOfService(Vm vm, String reason) {
    }

    /** A VM that was out of service runs again (e.g. a guest that had gone missing is back). */
    default void inServiceAgain(Vm vm) {
    }
}
