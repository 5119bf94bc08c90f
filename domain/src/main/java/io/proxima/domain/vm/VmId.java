package io.proxima.domain.vm;

import java.util.Objects;
import java.util.UUID;

/** Proxima's identity of a guest; PVE's (node, vmid) is a separate, reusable address. */
public record VmId(UUID value) {

    public VmId {
        Objects.requireNonNull(value, "value");
    }

    public static VmId random() {
        return new VmId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
