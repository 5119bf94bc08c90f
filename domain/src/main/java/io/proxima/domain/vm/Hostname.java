package io.proxima.domain.vm;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A guest's hostname: RFC 1123 labels, as PVE's {@code dns-name} format accepts for a VM name
 * and LXC hostname. Normalised to lower case.
 */
public record Hostname(String value) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public Hostname {
        value = check(value);
    }

    private static String check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ValidationException.of("hostname", "validation.required", "is required");
        }
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (v.length() > 253) {
            throw ValidationException.of("hostname", "validation.hostname", "must be a valid hostname (letters, digits, hyphens; labels of at most 63 characters)");
        }
        for (String label : v.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw ValidationException.of("hostname", "validation.hostname", "must be a valid hostname (letters, digits, hyphens; labels of at most 63 characters)");
            }
        }
        if (v.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw ValidationException.of("hostname", "validation.hostname", "must not be all digits");
        }
        return v;
    }

    @Override
    public String toString() {
        return value;
    }
}
