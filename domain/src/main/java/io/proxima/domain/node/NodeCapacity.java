package io.proxima.domain.node;

import java.util.Objects;
import java.util.UUID;

/**
 * A node as placement sees it: physical size, overcommit ratios and what is already promised —
 * guests Proxima placed there, including orders still provisioning, so parallel orders count
 * against each other before PVE has seen any of them.
 */
public record NodeCapacity(UUID nodeId, String name, String location, boolean enabled, boolean online,
                           long totalMemoryMb, double memoryOvercommit, int totalCores, double cpuOvercommit,
                           long reservedMemoryMb, long reservedCores) {

    public NodeCapacity {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(name, "name");
        if (memoryOvercommit < 1.0 || cpuOvercommit < 1.0) {
            throw new IllegalArgumentException("overcommit ratios are at least 1.0");
        }
    }

    /** Memory still promisable under the overcommit ratio (may be negative when over-committed by hand). */
    public long freeMemoryMb() {
        return (long) Math.floor(totalMemoryMb * memoryOvercommit) - reservedMemoryMb;
    }

    public long freeCores() {
        return (long) Math.floor(totalCores * cpuOvercommit) - reservedCores;
    }

    public boolean fits(int cores, int memoryMb) {
        return freeMemoryMb() >= memoryMb && freeCores() >= cores;
    }
}
