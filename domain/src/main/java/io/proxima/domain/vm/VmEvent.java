package io.proxima.domain.vm;

/**
 * What can happen to a VM. User actions, operator actions, provisioning outcomes and what the
 * reconciliation job observes in PVE all go through the same transition table.
 */
public enum VmEvent {
    /** Provisioning finished and the guest was started. */
    PROVISIONED_RUNNING,
    /** Provisioning finished with the guest left stopped. */
    PROVISIONED_STOPPED,
    START,
    STOP,
    SHUTDOWN,
    RESTART,
    PAUSE,
    RESUME,
    /** Admin or billing takes the VM out of service (stopped in PVE). */
    SUSPEND,
    UNSUSPEND,
    REINSTALL,
    DELETE,
    /** The guest is gone from PVE and every resource is released. */
    DESTROYED,
    /** A permanent failure; the reason is kept. */
    FAIL,
    /** Try provisioning again after an error. */
    RETRY,
    /** Reconciliation saw the guest running / stopped / paused in PVE. */
    OBSERVED_RUNNING,
    OBSERVED_STOPPED,
    OBSERVED_PAUSED,
    /** Reconciliation did not find the guest in PVE. */
    OBSERVED_MISSING
}
