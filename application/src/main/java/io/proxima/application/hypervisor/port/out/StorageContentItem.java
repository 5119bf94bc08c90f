package io.proxima.application.hypervisor.port.out;

import java.time.Instant;
import java.util.Objects;

/** A volume on a storage: an ISO, an LXC template, a disk image or a backup. */
public record StorageContentItem(String volid, String content, String format, long sizeBytes, Instant createdAt, Integer vmid) {

    public StorageContentItem {
        Objects.requireNonNull(volid, "volid");
    }
}
