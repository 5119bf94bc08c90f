package io.proxima.adapter.in.rest.ticket;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.proxima.application.ticket.port.in.TicketDetails;
import io.proxima.application.ticket.port.out.TicketRepository.StoredAttachment;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.ticket.Ticket;
import io.proxima.domain.ticket.TicketMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of the ticket API (SPEC section 4 "Ticket"). Bodies are plain text. */
final class TicketDtos {

    private TicketDtos() {
    }

    // Limits and values as the domain enforces them (Ticket, TicketPriority, TicketCategory, TicketStatus).
    public record CreateTicketRequest(
            @Schema(minLength = Ticket.SUBJECT_MIN, maxLength = Ticket.SUBJECT_MAX, examples = "Cannot reach my VM") String subject,
            @Schema(minLength = 1, maxLength = Ticket.BODY_MAX) String body,
            @Schema(enumeration = {"low", "normal", "high", "urgent"}, defaultValue = "normal") String priority,
            @Schema(enumeration = {"billing", "technical", "sales", "abuse", "other"}) String category,
            @Schema(format = "uuid", description = "The VM the ticket is about, if any") String vmId) {
    }

    public record ReplyRequest(@Schema(minLength = 1, maxLength = Ticket.BODY_MAX) String body,
                               @Schema(description = "Staff-only note, hidden from the customer") Boolean internal) {
    }

    public record StatusRequest(@Schema(enumeration = {"open", "answered", "pending", "closed"}) String status) {
    }

    public record AssigneeRequest(@Schema(format = "uuid") String assigneeId) {
    }

    public record AttachmentResponse(UUID id, String fileName, String contentType, long size, String url, Instant createdAt) {

        static AttachmentResponse from(StoredAttachment a) {
            return new AttachmentResponse(a.id(), a.fileName(), a.contentType(), a.size(),
                    "/api/v1/tickets/" + a.ticketId() + "/attachments/" + a.id(), a.createdAt());
        }
    }

    public record MessageResponse(UUID id, UUID authorId, String body, boolean staff, boolean internal, Instant createdAt,
                                  List<AttachmentResponse> attachments) {

        static MessageResponse from(TicketMessage m, List<StoredAttachment> attachments) {
            return new MessageResponse(m.id(), m.authorId(), m.body(), m.staff(), m.internal(), m.createdAt(),
                    attachments.stream().map(AttachmentResponse::from).toList());
        }
    }

    /** A ticket in lists: no messages. */
    public record TicketSummary(UUID id, UUID userId, String subject, String status, String priority, String category,
                                UUID vmId, UUID assigneeId, Instant createdAt, Instant updatedAt, Instant lastActivityAt,
                                Instant closedAt) {

        static TicketSummary from(Ticket t) {
            return new TicketSummary(t.id(), t.customerId(), t.subject(), t.status().wireName(), t.priority().wireName(),
                    t.category().wireName(), t.vmId(), t.assigneeId(), t.createdAt(), t.updatedAt(), t.lastActivityAt(),
                    t.closedAt());
        }
    }

    /** A ticket with the messages the caller may see. */
    public record TicketResponse(UUID id, UUID userId, String subject, String status, String priority, String category,
                                 UUID vmId, UUID assigneeId, Instant createdAt, Instant updatedAt, Instant lastActivityAt,
                                 Instant closedAt, List<MessageResponse> messages) {

        static TicketResponse from(TicketDetails d) {
            Ticket t = d.ticket();
            return new TicketResponse(t.id(), t.customerId(), t.subject(), t.status().wireName(), t.priority().wireName(),
                    t.category().wireName(), t.vmId(), t.assigneeId(), t.createdAt(), t.updatedAt(), t.lastActivityAt(),
                    t.closedAt(), d.messages().stream().map(m -> MessageResponse.from(m, d.attachmentsOf(m))).toList());
        }
    }

    static UUID pathId(String resource, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException(resource, raw);
        }
    }

    static UUID optionalId(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "validation.uuid", "must be a UUID");
        }
    }
}
