package io.proxima.domain.vm;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A snapshot name PVE accepts ({@code pve-configid}: a letter, then letters, digits, _ or -; at most 40). */
public record SnapshotName(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{1,39}");
    private static final Set<String> RESERVED = Set.of("current", "pending", "vzdump");

    public SnapshotName {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw ValidationException.of("name", "validation.snapshot_name",
                    "must start with a letter and contain only letters, digits, '_' or '-' (2 to 40 characters)");
        }
        if (RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
            throw ValidationException.of("name", "validation.snapshot_name_reserved", "is reserved by Proxmox VE");
        }
    }
}
