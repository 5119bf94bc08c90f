package io.proxima.adapter.out.persistence.ticket;

import io.proxima.application.ticket.port.out.TicketRepository.StoredAttachment;
import io.proxima.domain.ticket.Ticket;
import io.proxima.domain.ticket.TicketCategory;
import io.proxima.domain.ticket.TicketMessage;
import io.proxima.domain.ticket.TicketPriority;
import io.proxima.domain.ticket.TicketStatus;

final class TicketEntityMapper {

    private TicketEntityMapper() {
    }

    static Ticket toDomain(TicketEntity e) {
        return Ticket.reconstitute(e.id, e.customerId, e.subject, TicketCategory.parse("category", e.category),
                TicketPriority.parse("priority", e.priority), e.vmId, TicketStatus.parse("status", e.status), e.assigneeId,
                e.createdAt, e.updatedAt, e.lastActivityAt, e.closedAt, e.version);
    }

    /** Copies everything but the version, which Hibernate maintains. */
    static void copy(Ticket t, TicketEntity e) {
        e.id = t.id();
        e.customerId = t.customerId();
        e.subject = t.subject();
        e.category = t.category().wireName();
        e.priority = t.priority().wireName();
        e.vmId = t.vmId();
        e.status = t.status().wireName();
        e.assigneeId = t.assigneeId();
        e.createdAt = t.createdAt();
        e.updatedAt = t.updatedAt();
        e.lastActivityAt = t.lastActivityAt();
        e.closedAt = t.closedAt();
    }

    static TicketMessage toDomain(TicketMessageEntity e) {
        return new TicketMessage(e.id, e.ticketId, e.authorId, e.body, e.staff, e.internal, e.createdAt);
    }

    static TicketMessageEntity fromDomain(TicketMessage m) {
        TicketMessageEntity e = new TicketMessageEntity();
        e.id = m.id();
        e.ticketId = m.ticketId();
        e.authorId = m.authorId();
        e.body = m.body();
        e.staff = m.staff();
        e.internal = m.internal();
        e.createdAt = m.createdAt();
        return e;
    }

    static StoredAttachment toDomain(TicketAttachmentEntity e) {
        return new StoredAttachment(e.id, e.ticketId, e.messageId, e.fileName, e.contentType, e.sizeBytes, e.createdAt);
    }

    static TicketAttachmentEntity fromDomain(StoredAttachment a) {
        TicketAttachmentEntity e = new TicketAttachmentEntity();
        e.id = a.id();
        e.ticketId = a.ticketId();
        e.messageId = a.messageId();
        e.fileName = a.fileName();
        e.contentType = a.contentType();
        e.sizeBytes = a.size();
        e.createdAt = a.createdAt();
        return e;
    }
}
