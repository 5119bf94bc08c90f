package io.proxima.domain.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One message of a ticket's conversation; {@code internal} notes are never shown to the customer. */
public record TicketMessage(UUID id, UUID ticketId, UUID authorId, String body, boolean staff, boolean internal,
                            Instant createdAt) {

    public TicketMessage {
        Objects.requireNonNull(id);
        Objects.requireNonNull(ticketId);
        Objects.requireNonNull(authorId);
        Objects.requireNonNull(body);
        Objects.requireNonNull(createdAt);
    }

    static TicketMessage create(UUID ticketId, UUID authorId, String body, boolean staff, boolean internal, Instant now) {
        return new TicketMessage(UUID.randomUUID(), ticketId, authorId, body, staff, internal, now);
    }
}
