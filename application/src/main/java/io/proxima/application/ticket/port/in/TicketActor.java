package io.proxima.application.ticket.port.in;

import java.util.Objects;
import java.util.UUID;

/** Who acts on tickets: a customer, or staff (the {@code support} and {@code admin} roles). */
public record TicketActor(UUID userId, boolean staff) {

    public TicketActor {
        Objects.requireNonNull(userId, "userId");
    }
}
