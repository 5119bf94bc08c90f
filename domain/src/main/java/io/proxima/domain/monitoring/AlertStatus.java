package io.proxima.domain.monitoring;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

/** An alert's lifecycle: triggered, then (optionally) acknowledged, then resolved. */
public enum AlertStatus {
    TRIGGERED, ACKNOWLEDGED, RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertStatus parse(String field, String raw) {
        if (raw != null) {
            try {
                return valueOf(raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        throw ValidationException.of(field, "validation.alert.status", "must be one of triggered, acknowledged, resolved");
    }
}
