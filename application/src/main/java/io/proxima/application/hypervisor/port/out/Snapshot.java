package io.proxima.application.hypervisor.port.out;

import java.time.Instant;
import java.util.Objects;

/** A guest snapshot; PVE's pseudo entry {@code current} is never listed. */
public record Snapshot(String name, String description, String parent, Instant createdAt, boolean withRam) {

    public Snapshot {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }

    /** PVE's rule: starts with a letter, then letters, digits, {@code _} or {@code -}, at most 40; {@code current} and {@code pending} are reserved. */
    public static String requireValidName(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_\\-]{1,39}") || name.equals("current") || name.equals("pending")) {
            throw new IllegalArgumentException("not a valid snapshot name: " + name);
        }
        return name;
    }
}
