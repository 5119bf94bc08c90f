package io.proxima.application.vm.port.in;

import java.util.List;
import java.util.UUID;

/** Keeps Proxima's view of guests in step with PVE (SPEC section 5, Reconciliation). */
public interface ReconciliationUseCase {

    /** What one cycle saw and changed. */
    record Report(int clusters, int pveCalls, int guestsSeen, int vmsChecked, int drifted, int missing,
                  int unmanaged, long millis) {
    }

    /** A guest in PVE that Proxima did not create or no longer knows; never deleted automatically. */
    record UnmanagedGuest(String node, int vmid, String type, String name, String status, UUID proximaVmId) {
    }

    /** One cycle: one {@code /cluster/resources} call per cluster, drift fixed, vanished guests flagged. */
    Report reconcile();

    /** Runs {@link #reconcile()} unless another instance already did in this period. */
    boolean reconcileIfDue(java.time.Duration interval);

    List<UnmanagedGuest> unmanagedGuests();
}
