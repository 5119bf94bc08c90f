package io.proxima.domain.ticket;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

/** Where a support conversation stands. */
public enum TicketStatus {
    OPEN, ANSWERED, PENDING, CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketStatus parse(String field, String raw) {
        if (raw != null) {
            for (TicketStatus s : values()) {
                if (s.wireName().equalsIgnoreCase(raw.trim())) {
                    return s;
                }
            }
        }
        throw ValidationException.of(field, "validation.ticket_status", "must be one of open, answered, pending, closed");
    }
}
