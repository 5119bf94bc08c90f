package io.proxima.application.vm.port.out;

import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.domain.node.NodeCapacity;
import java.util.List;
import java.util.UUID;

/** What the VM context needs to know about nodes: how to reach them and how full they are. */
public interface NodeDirectory {

    /** How to create guests on a node: its PVE name, connection (secrets decrypted), storage and bridge. */
    record NodeTarget(UUID nodeId, String pveNode, PveNodeConnection connection, String storage, String bridge) {
    }

    /** The node's target; NotFoundException for an unknown node. */
    NodeTarget target(UUID nodeId);

    /**
     * Every node with its capacity and what Proxima has already promised on it (all guests not
     * deleted, including those still provisioning).
     */
    List<NodeCapacity> capacities();

    /**
     * Serialises placement decisions across instances for the rest of the current transaction,
     * so two orders never both take the last free slot of a node.
     */
    void lockPlacement();
}
