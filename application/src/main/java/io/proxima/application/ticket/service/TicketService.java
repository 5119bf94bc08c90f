package io.proxima.application.ticket.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.shared.AfterCommit;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.ticket.port.in.TicketActor;
import io.proxima.application.ticket.port.in.TicketDetails;
import io.proxima.application.ticket.port.in.TicketQueryUseCase;
import io.proxima.application.ticket.port.in.TicketUseCase;
import io.proxima.application.ticket.port.out.TicketRepository;
import io.proxima.application.ticket.port.out.TicketRepository.AttachmentContent;
import io.proxima.application.ticket.port.out.TicketRepository.StoredAttachment;
import io.proxima.application.ticket.port.out.TicketRepository.TicketFilter;
import io.proxima.application.vm.port.out.VmReadRepository;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.ticket.AttachmentPolicy;
import io.proxima.domain.ticket.Ticket;
import io.proxima.domain.ticket.TicketCategory;
import io.proxima.domain.ticket.TicketMessage;
import io.proxima.domain.ticket.TicketPriority;
import io.proxima.domain.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Ticket use cases. Everything a request changes (ticket, message, attachments, audit record)
 * is written in one transaction, after all input has been checked, so a rejected attachment
 * leaves nothing behind; mails go out only after the commit.
 */
@ApplicationScoped
@Transactional
public class TicketService implements TicketUseCase, TicketQueryUseCase {

    private static final String RESOURCE = "Ticket";

    private final TicketRepository tickets;
    private final VmReadRepository vms;
    private final TicketNotifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public TicketService(TicketRepository tickets, VmReadRepository vms, TicketNotifications notifications, AuditLog audit,
                         Clock clock) {
        this.tickets = tickets;
        this.vms = vms;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public TicketDetails open(OpenTicketCommand c, List<Upload> uploads, TicketActor actor) {
        List<FieldError> errors = new ArrayList<>();
        TicketPriority priority = collect(errors, () -> TicketPriority.parse("priority", c.priority()));
        TicketCategory category = collect(errors, () -> TicketCategory.parse("category", c.category()));
        if (c.vmId() != null) {
            boolean own = vms.find(c.vmId())
                    .filter(v -> actor.userId().equals(v.ownerId()) && !"deleted".equals(v.status()))
                    .isPresent();
            if (!own) {
                errors.add(FieldError.of("vm_id", "validation.ticket_vm", "must be one of your VMs"));
            }
        }
        Ticket.Opened opened = null;
        try {
            opened = Ticket.open(actor.userId(), c.subject(), c.body(), category == null ? TicketCategory.OTHER : category,
                    priority == null ? TicketPriority.NORMAL : priority, c.vmId(), clock.instant());
        } catch (ValidationException e) {
            errors.addAll(0, e.fieldErrors());
        }
        List<Checked> files = new ArrayList<>();
        try {
            files = check(uploads);
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Ticket ticket = opened.ticket();
        tickets.insert(ticket);
        tickets.addMessage(opened.firstMessage());
        List<StoredAttachment> stored = store(ticket.id(), opened.firstMessage(), files);
        audit.record(AuditEvent.of("ticket.create", "ticket", ticket.id())
                .detail("subject", ticket.subject()).detail("category", category.wireName())
                .detail("priority", priority.wireName()).detail("vm_id", ticket.vmId()).detail("attachments", stored.size()));
        notifications.opened(ticket, opened.firstMessage());
        return new TicketDetails(ticket, List.of(opened.firstMessage()), stored);
    }

    @Override
    public TicketMessage reply(UUID ticketId, ReplyCommand c, TicketActor actor) {
        Ticket ticket = visible(ticketId, actor);
        List<Checked> files = check(c.attachments());
        TicketStatus before = ticket.status();
        TicketMessage message = ticket.reply(actor.userId(), actor.staff(), c.internal(), c.body(), clock.instant());
        tickets.update(ticket);
        tickets.addMessage(message);
        List<StoredAttachment> stored = store(ticket.id(), message, files);
        audit.record(AuditEvent.of(c.internal() ? "ticket.note" : "ticket.reply", "ticket", ticket.id())
                .detail("message_id", message.id()).detail("staff", actor.staff())
                .detail("from", before.wireName()).detail("to", ticket.status().wireName())
                .detail("attachments", stored.size()));
        notifications.replied(ticket, message);
        return message;
    }

    @Override
    public TicketDetails changeStatus(UUID ticketId, TicketStatus target, TicketActor actor) {
        Ticket ticket = visible(ticketId, actor);
        TicketStatus before = ticket.status();
        ticket.changeStatus(target, actor.staff(), clock.instant());
        tickets.update(ticket);
        audit.record(AuditEvent.of("ticket.status", "ticket", ticket.id())
                .detail("from", before.wireName()).detail("to", ticket.status().wireName()).detail("staff", actor.staff()));
        return details(ticket, actor);
    }

    @Override
    public TicketDetails assign(UUID ticketId, UUID assigneeId, TicketActor actor) {
        if (!actor.staff()) {
            throw new NotFoundException(RESOURCE, ticketId);
        }
        Ticket ticket = visible(ticketId, actor);
        if (assigneeId != null && !notifications.isActiveStaff(assigneeId)) {
            throw ValidationException.of("assignee_id", "validation.ticket_assignee", "must be an active support or admin user");
        }
        UUID before = ticket.assigneeId();
        ticket.assign(assigneeId, clock.instant());
        tickets.update(ticket);
        audit.record(AuditEvent.of("ticket.assign", "ticket", ticket.id())
                .detail("from", before).detail("to", assigneeId));
        return details(ticket, actor);
    }

    @Override
    public Page<Ticket> list(TicketFilter filter, PageRequest page, TicketActor actor) {
        TicketFilter f = filter == null ? new TicketFilter(null, null, null, null, null, null) : filter;
        if (!actor.staff()) {
            f = new TicketFilter(actor.userId(), f.status(), f.priority(), f.category(), null, null);
        }
        return tickets.search(f, page);
    }

    @Override
    public TicketDetails get(UUID ticketId, TicketActor actor) {
        return details(visible(ticketId, actor), actor);
    }

    @Override
    public AttachmentContent attachment(UUID ticketId, UUID attachmentId, TicketActor actor) {
        visible(ticketId, actor);
        AttachmentContent content = tickets.attachment(ticketId, attachmentId)
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        if (!actor.staff() && tickets.isInternalMessage(content.attachment().messageId())) {
            throw new NotFoundException("Attachment", attachmentId);
        }
        return content;
    }

    private TicketDetails details(Ticket ticket, TicketActor actor) {
        List<TicketMessage> messages = tickets.messages(ticket.id(), actor.staff());
        List<UUID> visibleIds = messages.stream().map(TicketMessage::id).toList();
        List<StoredAttachment> attachments = tickets.attachments(ticket.id()).stream()
                .filter(a -> visibleIds.contains(a.messageId())).toList();
        return new TicketDetails(ticket, messages, attachments);
    }

    /** The ticket when the actor may see it; another customer's ticket does not exist for them. */
    private Ticket visible(UUID ticketId, TicketActor actor) {
        return tickets.find(ticketId)
                .filter(t -> t.isVisibleTo(actor.userId(), actor.staff()))
                .orElseThrow(() -> new NotFoundException(RESOURCE, ticketId));
    }

    private record Checked(String fileName, String contentType, byte[] bytes) {
    }

    /** Checks every file before anything is written: count, size and type sniffed from the bytes. */
    private static List<Checked> check(List<Upload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            return List.of();
        }
        if (uploads.size() > AttachmentPolicy.MAX_FILES) {
            throw ValidationException.of("attachments", "validation.attachment_count",
                    "at most " + AttachmentPolicy.MAX_FILES + " files per message", AttachmentPolicy.MAX_FILES);
        }
        List<FieldError> errors = new ArrayList<>();
        List<Checked> out = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            try {
                String type = AttachmentPolicy.sniff("attachments[" + i + "]", u.bytes());
                out.add(new Checked(AttachmentPolicy.safeFileName(u.fileName()), type, u.bytes()));
            } catch (ValidationException e) {
                errors.addAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return out;
    }

    private List<StoredAttachment> store(UUID ticketId, TicketMessage message, List<Checked> files) {
        Instant now = clock.instant();
        List<StoredAttachment> stored = new ArrayList<>();
        for (Checked f : files) {
            StoredAttachment a = new StoredAttachment(UUID.randomUUID(), ticketId, message.id(), f.fileName(), f.contentType(),
                    f.bytes().length, now);
            tickets.addAttachment(a, f.bytes());
            stored.add(a);
        }
        return stored;
    }

    private static <T> T collect(List<FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
            return null;
        }
    }
}
