package io.proxima.application.hypervisor.port.out;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One row of {@code /cluster/resources}: a guest, node or storage with its status and usage.
 * For guests, {@code proximaVmId} is the Proxima VM id found in the tags (null for guests that
 * Proxima did not create): reconciliation needs nothing else.
 */
public record ClusterResource(String id, String type, String node, Integer vmid, String name, String status,
                              boolean template, String lock, Set<String> tags, UUID proximaVmId, double cpu,
                              int maxCpu, long mem, long maxMem, long disk, long maxDisk, long uptime,
                              long netIn, long netOut, String storage) {

    public ClusterResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public boolean isGuest() {
        return ("qemu".equals(type) || "lxc".equals(type)) && vmid != null && node != null;
    }

    /** The guest's location, when this row is a guest. */
    public Optional<GuestRef> guest() {
        return isGuest() ? Optional.of(new GuestRef(node, vmid, GuestType.fromPve(type))) : Optional.empty();
    }
}
