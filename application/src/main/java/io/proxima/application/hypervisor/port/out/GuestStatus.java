package io.proxima.application.hypervisor.port.out;

import java.util.Objects;
import java.util.Set;

/** A guest's live status from {@code status/current}: power state, lock and usage (bytes, seconds, CPU as a fraction of its cores). */
public record GuestStatus(GuestRef ref, PowerState state, String lock, String name, double cpu, int cpus,
                          long memBytes, long maxMemBytes, long maxDiskBytes, long uptimeSeconds,
                          long netInBytes, long netOutBytes, long diskReadBytes, long diskWriteBytes,
                          Set<String> tags, boolean template) {

    public GuestStatus {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(state, "state");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public boolean locked() {
        return lock != null && !lock.isEmpty();
    }
}
