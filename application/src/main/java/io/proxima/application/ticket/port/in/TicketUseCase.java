package io.proxima.application.ticket.port.in;

import io.proxima.domain.ticket.TicketMessage;
import io.proxima.domain.ticket.TicketStatus;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Changes to support tickets: open, reply (with attachments), change status, assign. */
public interface TicketUseCase {

    /** A customer's new ticket; {@code priority} and {@code category} are wire names (null = default). */
    record OpenTicketCommand(String subject, String body, String priority, String category, UUID vmId) {
    }

    /** A file as uploaded: the client's file name (only a hint) and the bytes. */
    record Upload(String fileName, byte[] bytes) {
        public Upload {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    record ReplyCommand(String body, boolean internal, List<Upload> attachments) {
        public ReplyCommand {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    TicketDetails open(OpenTicketCommand command, List<Upload> attachments, TicketActor actor);

    TicketMessage reply(UUID ticketId, ReplyCommand command, TicketActor actor);

    TicketDetails changeStatus(UUID ticketId, TicketStatus target, TicketActor actor);

    /** Staff only; {@code assigneeId} must be an active support or admin user, or null to unassign. */
    TicketDetails assign(UUID ticketId, UUID assigneeId, TicketActor actor);
}
