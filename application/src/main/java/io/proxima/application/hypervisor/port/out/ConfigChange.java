package io.proxima.application.hypervisor.port.out;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keys to set and keys to delete on a guest's config, guarded by the {@code digest} of the config
 * they were computed from (null skips the check). Values are PVE's text forms; SSH keys are kept
 * one per line here and encoded the way PVE wants by the adapter.
 */
public record ConfigChange(Map<String, String> set, Set<String> delete, String digest) {

    public ConfigChange {
        set = set == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        delete = delete == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(delete));
        if (set.isEmpty() && delete.isEmpty()) {
            throw new IllegalArgumentException("a config change sets or deletes at least one key");
        }
        for (String k : set.keySet()) {
            if (delete.contains(k)) {
                throw new IllegalArgumentException("key both set and deleted: " + k);
            }
            if (!k.matches("[a-z][a-z0-9_\\-]*")) {
                throw new IllegalArgumentException("not a config key: " + k);
            }
            if (set.get(k) == null || set.get(k).isEmpty()) {
                // PVE wants delete=key, never an empty value
                throw new IllegalArgumentException("empty value for " + k + ": delete the key instead");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(set);
        shown.computeIfPresent("cipassword", (k, v) -> "***");
        shown.computeIfPresent("password", (k, v) -> "***");
        return "ConfigChange[set=" + shown + ", delete=" + delete + ", digest=" + digest + "]";
    }

    /** Builds a change from typed setters; unknown keys go through {@link #set(String, String)}. */
    public static final class Builder {
        private final Map<String, String> set = new LinkedHashMap<>();
        private final Set<String> delete = new LinkedHashSet<>();
        private String digest;

        public Builder set(String key, String value) {
            set.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public Builder delete(String key) {
            delete.add(key);
            return this;
        }

        public Builder digest(String d) {
            this.digest = d;
            return this;
        }

        public Builder cores(int cores) {
            return set("cores", Integer.toString(cores));
        }

        public Builder memoryMb(int mb) {
            return set("memory", Integer.toString(mb));
        }

        /** QEMU {@code name}. */
        public Builder name(String name) {
            return set("name", name);
        }

        /** LXC {@code hostname}. */
        public Builder hostname(String name) {
            return set("hostname", name);
        }

        public Builder description(String text) {
            return set("description", text);
        }

        /** PVE stores tags separated by {@code ;}. */
        public Builder tags(Set<String> tags) {
            return set("tags", String.join(";", new java.util.TreeSet<>(tags)));
        }

        public Builder ciUser(String user) {
            return set("ciuser", user);
        }

        public Builder ciPassword(String password) {
            return set("cipassword", password);
        }

        /** One OpenSSH public key per entry; the adapter percent-encodes them as PVE requires. */
        public Builder sshKeys(List<String> keys) {
            List<String> clean = new ArrayList<>();
            for (String k : keys) {
                if (k != null && !k.isBlank()) {
                    clean.add(k.trim());
                }
            }
            return clean.isEmpty() ? delete("sshkeys") : set("sshkeys", String.join("\n", clean));
        }

        /** {@code ipconfigN}: {@code ip=1.2.3.4/24,gw=1.2.3.1} or {@code ip=dhcp}. */
        public Builder ipConfig(int nic, String ip, String gateway) {
            return set("ipconfig" + nic, "ip=" + ip + (gateway == null ? "" : ",gw=" + gateway));
        }

        public Builder nameservers(List<String> servers) {
            return set("nameserver", String.join(" ", servers));
        }

        public ConfigChange build() {
            return new ConfigChange(set, delete, digest);
        }
    }
}
