package io.proxima.application.ticket.port.out;

import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.domain.ticket.Ticket;
import io.proxima.domain.ticket.TicketCategory;
import io.proxima.domain.ticket.TicketMessage;
import io.proxima.domain.ticket.TicketPriority;
import io.proxima.domain.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ticket aggregate's store: tickets, their messages and attachments (bytes kept apart from metadata). */
public interface TicketRepository {

    /** An attachment's metadata; never carries the bytes, so lists stay cheap. */
    record StoredAttachment(UUID id, UUID ticketId, UUID messageId, String fileName, String contentType, long size,
                            Instant createdAt) {
    }

    record AttachmentContent(StoredAttachment attachment, byte[] bytes) {
    }

    /** List filters; null means "any". {@code search} matches the subject, ignoring case. */
    record TicketFilter(UUID customerId, TicketStatus status, TicketPriority priority, TicketCategory category,
                        UUID assigneeId, String search) {

        public TicketFilter withCustomer(UUID customer) {
            return new TicketFilter(customer, status, priority, category, assigneeId, search);
        }
    }

    Optional<Ticket> find(UUID id);

    void insert(Ticket ticket);

    /** Updates status, assignment and times; a concurrent change fails with a 409. */
    void update(Ticket ticket);

    void addMessage(TicketMessage message);

    void addAttachment(StoredAttachment attachment, byte[] bytes);

    /** Messages oldest first; internal notes only when {@code includeInternal}. */
    List<TicketMessage> messages(UUID ticketId, boolean includeInternal);

    List<StoredAttachment> attachments(UUID ticketId);

    Optional<AttachmentContent> attachment(UUID ticketId, UUID attachmentId);

    /** Whether a message is an internal note (attachments of notes are staff-only). */
    boolean isInternalMessage(UUID messageId);

    /** Most recent activity first. */
    Page<Ticket> search(TicketFilter filter, PageRequest page);
}
