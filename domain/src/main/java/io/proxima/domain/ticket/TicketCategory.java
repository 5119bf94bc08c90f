package io.proxima.domain.ticket;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

public enum TicketCategory {
    BILLING, TECHNICAL, SALES, ABUSE, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketCategory parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return OTHER;
        }
        for (TicketCategory c : values()) {
            if (c.wireName().equalsIgnoreCase(raw.trim())) {
                return c;
            }
        }
        throw ValidationException.of(field, "validation.ticket_category", "must be one of billing, technical, sales, abuse, other");
    }
}
