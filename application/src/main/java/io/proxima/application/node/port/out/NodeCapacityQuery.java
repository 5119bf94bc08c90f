package io.proxima.application.node.port.out;

import io.proxima.domain.node.NodeCapacity;
import java.util.List;

/** Node capacity as placement needs it, computed in the database where the reservations are. */
public interface NodeCapacityQuery {

    /** Every node with its size and what guests not deleted (including provisioning ones) reserve on it. */
    List<NodeCapacity> capacities();

    /** Serialises placement decisions across instances until the current transaction ends. */
    void lockPlacement();
}
