package io.proxima.domain.ticket;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketPriority parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return NORMAL;
        }
        for (TicketPriority p : values()) {
            if (p.wireName().equalsIgnoreCase(raw.trim())) {
                return p;
            }
        }
        throw ValidationException.of(field, "validation.ticket_priority", "must be one of low, normal, high, urgent");
    }
}
