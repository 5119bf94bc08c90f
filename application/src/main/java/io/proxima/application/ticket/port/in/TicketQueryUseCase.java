package io.proxima.application.ticket.port.in;

import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.ticket.port.out.TicketRepository.AttachmentContent;
import io.proxima.application.ticket.port.out.TicketRepository.TicketFilter;
import io.proxima.domain.ticket.Ticket;
import java.util.UUID;

/** Reads of tickets: customers see their own, staff see all; internal notes only for staff. */
public interface TicketQueryUseCase {

    /** A customer's list is always narrowed to the customer's own tickets. */
    Page<Ticket> list(TicketFilter filter, PageRequest page, TicketActor actor);

    TicketDetails get(UUID ticketId, TicketActor actor);

    AttachmentContent attachment(UUID ticketId, UUID attachmentId, TicketActor actor);
}
