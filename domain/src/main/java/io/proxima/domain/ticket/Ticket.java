package io.proxima.domain.ticket;

import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A support conversation between one customer and the staff. The aggregate owns the status and
 * the assignment; messages are appended through it so that every reply moves the workflow.
 */
public final class Ticket {

    public static final int SUBJECT_MIN = 3;
    public static final int SUBJECT_MAX = 200;
    public static final int BODY_MAX = 20_000;
    public static final Duration REOPEN_WINDOW = Duration.ofDays(7);

    private final UUID id;
    private final UUID customerId;
    private final String subject;
    private final TicketCategory category;
    private final Instant createdAt;
    private TicketPriority priority;
    private final UUID vmId;
    private TicketStatus status;
    private UUID assigneeId;
    private Instant lastActivityAt;
    private Instant closedAt;
    private Instant updatedAt;
    private final long version;

    private Ticket(UUID id, UUID customerId, String subject, TicketCategory category, TicketPriority priority,
                   UUID vmId, TicketStatus status, UUID assigneeId, Instant createdAt, Instant updatedAt,
                   Instant lastActivityAt, Instant closedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.customerId = Objects.requireNonNull(customerId);
        this.subject = subject;
        this.category = Objects.requireNonNull(category);
        this.priority = Objects.requireNonNull(priority);
        this.vmId = vmId;
        this.status = Objects.requireNonNull(status);
        this.assigneeId = assigneeId;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.lastActivityAt = Objects.requireNonNull(lastActivityAt);
        this.closedAt = closedAt;
        this.version = version;
    }

    /** A ticket opened by a customer together with its first message. */
    public record Opened(Ticket ticket, TicketMessage firstMessage) {
    }

    public static Opened open(UUID customerId, String subject, String body, TicketCategory category,
                              TicketPriority priority, UUID vmId, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String s = checkSubject(subject, errors);
        String b = checkBody("body", body, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Ticket t = new Ticket(UUID.randomUUID(), customerId, s, category, priority, vmId, TicketStatus.OPEN, null,
                now, now, now, null, 0);
        return new Opened(t, TicketMessage.create(t.id, customerId, b, false, false, now));
    }

    public static Ticket reconstitute(UUID id, UUID customerId, String subject, TicketCategory category,
                                      TicketPriority priority, UUID vmId, TicketStatus status, UUID assigneeId,
                                      Instant createdAt, Instant updatedAt, Instant lastActivityAt, Instant closedAt,
                                      long version) {
        return new Ticket(id, customerId, subject, category, priority, vmId, status, assigneeId, createdAt, updatedAt,
                lastActivityAt, closedAt, version);
    }

    /**
     * Appends a message. Staff replies answer the ticket, customer replies reopen it (a closed one
     * only within {@link #REOPEN_WINDOW} of closing), internal notes change nothing the customer sees.
     */
    public TicketMessage reply(UUID authorId, boolean byStaff, boolean internal, String body, Instant now) {
        if (internal && !byStaff) {
            throw new DomainException(ErrorCode.FORBIDDEN, "error.ticket.internal_staff_only", "Only staff can add internal notes");
        }
        if (!byStaff && !authorId.equals(customerId)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden", "Not the ticket's customer");
        }
        List<FieldError> errors = new ArrayList<>();
        String b = checkBody("body", body, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        TicketWorkflow.Event event = internal ? TicketWorkflow.Event.STAFF_NOTE
                : byStaff ? TicketWorkflow.Event.STAFF_REPLY : TicketWorkflow.Event.CUSTOMER_REPLY;
        if (event == TicketWorkflow.Event.CUSTOMER_REPLY && status == TicketStatus.CLOSED
                && closedAt != null && now.isAfter(closedAt.plus(REOPEN_WINDOW))) {
            throw new StateConflictException("error.ticket.closed_for_good",
                    "This ticket was closed more than 7 days ago; please open a new ticket", status.wireName());
        }
        move(event, now);
        if (!internal) {
            lastActivityAt = now;
        }
        return TicketMessage.create(id, authorId, b, byStaff, internal, now);
    }

    /** An explicit status change: staff may set any status the table allows, customers may only close. */
    public void changeStatus(TicketStatus target, boolean byStaff, Instant now) {
        if (!byStaff && target != TicketStatus.CLOSED) {
            throw new DomainException(ErrorCode.FORBIDDEN, "error.ticket.customer_close_only", "Customers can only close a ticket");
        }
        move(TicketWorkflow.setTo(target), now);
        lastActivityAt = now;
    }

    public void assign(UUID staffId, Instant now) {
        this.assigneeId = staffId;
        this.updatedAt = now;
    }

    public void reprioritise(TicketPriority priority, Instant now) {
        this.priority = Objects.requireNonNull(priority);
        this.updatedAt = now;
    }

    private void move(TicketWorkflow.Event event, Instant now) {
        TicketStatus next = TicketWorkflow.next(status, event).orElseThrow(() -> new StateConflictException(
                "error.state_conflict", "Ticket is " + status.wireName() + "; " + event + " is not allowed", status.wireName()));
        if (next == TicketStatus.CLOSED && status != TicketStatus.CLOSED) {
            closedAt = now;
        } else if (next != TicketStatus.CLOSED) {
            closedAt = null;
        }
        status = next;
        updatedAt = now;
    }

    private static String checkSubject(String raw, List<FieldError> errors) {
        String s = raw == null ? "" : PlainText.clean(raw).strip();
        if (s.contains("\n")) {
            s = s.replace('\n', ' ');
        }
        if (s.length() < SUBJECT_MIN || s.length() > SUBJECT_MAX) {
            errors.add(FieldError.of("subject", "validation.length", "must be " + SUBJECT_MIN + " to " + SUBJECT_MAX + " characters",
                    SUBJECT_MIN, SUBJECT_MAX));
        }
        return s;
    }

    static String checkBody(String field, String raw, List<FieldError> errors) {
        String b = raw == null ? "" : PlainText.clean(raw).strip();
        if (b.isEmpty() || b.length() > BODY_MAX) {
            errors.add(FieldError.of(field, "validation.length", "must be 1 to " + BODY_MAX + " characters", 1, BODY_MAX));
        }
        return b;
    }

    public boolean isVisibleTo(UUID userId, boolean staff) {
        return staff || customerId.equals(userId);
    }

    public UUID id() { return id; }
    public UUID customerId() { return customerId; }
    public String subject() { return subject; }
    public TicketCategory category() { return category; }
    public TicketPriority priority() { return priority; }
    public UUID vmId() { return vmId; }
    public TicketStatus status() { return status; }
    public UUID assigneeId() { return assigneeId; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant lastActivityAt() { return lastActivityAt; }
    public Instant closedAt() { return closedAt; }
    public long version() { return version; }
}
