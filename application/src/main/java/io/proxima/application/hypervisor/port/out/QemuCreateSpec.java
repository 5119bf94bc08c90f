package io.proxima.application.hypervisor.port.out;

import java.util.Objects;
import java.util.UUID;

/** Create an empty QEMU VM (no template): one SCSI disk of {@code diskGb} on {@code storage}, one virtio NIC, an optional ISO. */
public record QemuCreateSpec(String node, Integer vmid, UUID proximaVmId, String name, int cores, int memoryMb,
                             String storage, int diskGb, String bridge, String isoVolume, String ostype) {

    public QemuCreateSpec {
        GuestRef.requireNode(node);
        Objects.requireNonNull(proximaVmId, "proximaVmId");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(bridge, "bridge");
        if (vmid != null) {
            GuestRef.requireVmid(vmid);
        }
        if (cores < 1 || memoryMb < 16 || diskGb < 1) {
            throw new IllegalArgumentException("cores >= 1, memory >= 16 MiB and disk >= 1 GiB");
        }
        ostype = ostype == null ? "l26" : ostype;
    }
}
