package io.proxima.application.vm.port.out;

import io.proxima.domain.vm.VmId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** IP assignments; each address is a unique row, so two guests can never hold the same one. */
public interface IpAddressRepository {

    /** An address given to a guest, with what cloud-init needs to configure it. */
    record Assigned(UUID poolId, String address, int prefixLength, String gateway, List<String> dns) {
    }

    /**
     * Assigns the lowest free address of a pool of the node (or, failing that, of the node's
     * location) to the VM; empty when every pool is exhausted. Idempotent per VM: a VM that
     * already holds an address gets it back.
     */
    Optional<Assigned> assign(UUID nodeId, VmId vmId);

    List<Assigned> assignedTo(VmId vmId);

    /** Frees every address of the VM. */
    void releaseAll(VmId vmId);
}
