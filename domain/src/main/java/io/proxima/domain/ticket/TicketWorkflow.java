package io.proxima.domain.ticket;

import static io.proxima.domain.ticket.TicketStatus.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ticket workflow as one table. Replies move the status implicitly (a staff reply answers,
 * a customer reply reopens); staff may also set a status explicitly; customers may only close.
 * A closed ticket reopens on a customer reply only within {@link Ticket#REOPEN_WINDOW}.
 */
public final class TicketWorkflow {

    public enum Event { CUSTOMER_REPLY, STAFF_REPLY, STAFF_NOTE, SET_OPEN, SET_ANSWERED, SET_PENDING, CLOSE }

    private static final Map<TicketStatus, Map<Event, TicketStatus>> TABLE = new EnumMap<>(TicketStatus.class);

    static {
        on(OPEN, Event.CUSTOMER_REPLY, OPEN);
        on(OPEN, Event.STAFF_REPLY, ANSWERED);
        on(OPEN, Event.STAFF_NOTE, OPEN);
        on(OPEN, Event.SET_PENDING, PENDING);
        on(OPEN, Event.SET_ANSWERED, ANSWERED);
        on(OPEN, Event.SET_OPEN, OPEN);
        on(OPEN, Event.CLOSE, CLOSED);

        on(ANSWERED, Event.CUSTOMER_REPLY, OPEN);
        on(ANSWERED, Event.STAFF_REPLY, ANSWERED);
        on(ANSWERED, Event.STAFF_NOTE, ANSWERED);
        on(ANSWERED, Event.SET_OPEN, OPEN);
        on(ANSWERED, Event.SET_PENDING, PENDING);
        on(ANSWERED, Event.SET_ANSWERED, ANSWERED);
        on(ANSWERED, Event.CLOSE, CLOSED);

        on(PENDING, Event.CUSTOMER_REPLY, OPEN);
        on(PENDING, Event.STAFF_REPLY, ANSWERED);
        on(PENDING, Event.STAFF_NOTE, PENDING);
        on(PENDING, Event.SET_OPEN, OPEN);
        on(PENDING, Event.SET_ANSWERED, ANSWERED);
        on(PENDING, Event.SET_PENDING, PENDING);
        on(PENDING, Event.CLOSE, CLOSED);

        // Staff may reopen; a customer reply reopens only inside the window (checked by Ticket).
        on(CLOSED, Event.CUSTOMER_REPLY, OPEN);
        on(CLOSED, Event.STAFF_NOTE, CLOSED);
        on(CLOSED, Event.SET_OPEN, OPEN);
        on(CLOSED, Event.CLOSE, CLOSED);
    }

    private TicketWorkflow() {
    }

    private static void on(TicketStatus from, Event event, TicketStatus to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(Event.class)).put(event, to);
    }

    public static Optional<TicketStatus> next(TicketStatus from, Event event) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
    }

    /** The explicit status change that leads to {@code target}. */
    public static Event setTo(TicketStatus target) {
        return switch (target) {
            case OPEN -> Event.SET_OPEN;
            case ANSWERED -> Event.SET_ANSWERED;
            case PENDING -> Event.SET_PENDING;
            case CLOSED -> Event.CLOSE;
        };
    }
}
