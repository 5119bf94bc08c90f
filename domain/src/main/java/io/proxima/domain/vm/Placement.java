package io.proxima.domain.vm;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a guest lives: Proxima's node record, the node's name inside PVE, and the vmid there
 * (null between reserving the node and claiming a vmid). The vmid is an address, not an
 * identity: PVE hands freed vmids out again.
 */
public record Placement(UUID nodeId, String pveNode, Integer vmid) {

    public static final int MIN_VMID = 100;
    public static final int MAX_VMID = 999_999_999;

    public Placement {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(pveNode, "pveNode");
        if (vmid != null && (vmid < MIN_VMID || vmid > MAX_VMID)) {
            throw new IllegalArgumentException("vmid out of PVE's range: " + vmid);
        }
    }

    public Placement withVmid(Integer newVmid) {
        return new Placement(nodeId, pveNode, newVmid);
    }
}
