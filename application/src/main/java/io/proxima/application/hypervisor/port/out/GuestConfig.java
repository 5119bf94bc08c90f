package io.proxima.application.hypervisor.port.out;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A guest's configuration as PVE returned it (every value as text), its {@code digest} for
 * optimistic locking, and the Proxima VM id the adapter found in its tags or description.
 */
public record GuestConfig(GuestRef ref, Map<String, String> values, String digest, UUID proximaVmId) {

    public GuestConfig {
        Objects.requireNonNull(ref, "ref");
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** QEMU {@code name} or LXC {@code hostname}. */
    public Optional<String> name() {
        return get(ref.type() == GuestType.QEMU ? "name" : "hostname");
    }

    public int cores() {
        return get("cores").map(Integer::parseInt).orElse(1);
    }

    /** Memory in MiB; QEMU may write it as {@code current=<MiB>}. */
    public int memoryMb() {
        String m = get("memory").orElse("512");
        int eq = m.indexOf('=');
        return Integer.parseInt(eq < 0 ? m : m.substring(eq + 1).split(",")[0]);
    }

    public Optional<String> description() {
        return get("description");
    }

    public Set<String> tags() {
        return splitTags(values.get("tags"));
    }

    /** The PVE lock (clone, snapshot, migrate ...) or empty when unlocked. */
    public Optional<String> lock() {
        return get("lock");
    }

    public boolean template() {
        return "1".equals(values.get("template"));
    }

    public Optional<UUID> owner() {
        return Optional.ofNullable(proximaVmId);
    }

    /** PVE separates tags by {@code ;}, {@code ,} or spaces depending on the client that wrote them. */
    public static Set<String> splitTags(String tags) {
        Set<String> out = new LinkedHashSet<>();
        if (tags != null) {
            for (String t : tags.split("[;,\\s]+")) {
                if (!t.isBlank()) {
                    out.add(t);
                }
            }
        }
        return Set.copyOf(out);
    }
}
