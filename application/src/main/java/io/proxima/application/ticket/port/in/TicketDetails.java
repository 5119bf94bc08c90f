package io.proxima.application.ticket.port.in;

import io.proxima.application.ticket.port.out.TicketRepository.StoredAttachment;
import io.proxima.domain.ticket.Ticket;
import io.proxima.domain.ticket.TicketMessage;
import java.util.List;

/** A ticket with the messages (and their attachments' metadata) the caller may see, oldest first. */
public record TicketDetails(Ticket ticket, List<TicketMessage> messages, List<StoredAttachment> attachments) {

    public TicketDetails {
        messages = List.copyOf(messages);
        attachments = List.copyOf(attachments);
    }

    public List<StoredAttachment> attachmentsOf(TicketMessage message) {
        return attachments.stream().filter(a -> a.messageId().equals(message.id())).toList();
    }
}
