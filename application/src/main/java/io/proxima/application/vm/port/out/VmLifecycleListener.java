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
}
