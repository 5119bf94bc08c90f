package io.proxima.domain.monitoring;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

/** Seed 003's alert severities. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String field, String raw) {
        if (raw != null) {
            try {
                return valueOf(raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        throw ValidationException.of(field, "validation.alert.severity", "must be one of critical, warning, info");
    }
}
