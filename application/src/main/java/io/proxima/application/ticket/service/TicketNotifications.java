package io.proxima.application.ticket.service;

import io.proxima.application.mail.port.out.Mailer;
import io.proxima.application.mail.port.out.OutgoingMail;
import io.proxima.application.shared.AfterCommit;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.user.port.in.UserSearch;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.ticket.Ticket;
import io.proxima.domain.ticket.TicketMessage;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import io.proxima.domain.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who hears about a reply: a staff reply goes to the customer, a customer reply (and a new
 * ticket) to the assignee or, while nobody is assigned, to every active support and admin user. Internal notes notify
 * nobody. Recipients are looked up in the use case's transaction; mails leave after its commit,
 * each in its recipient's language.
 */
@ApplicationScoped
public class TicketNotifications {

    static final String TO_CUSTOMER = "ticket_staff_reply";
    static final String TO_STAFF = "ticket_customer_reply";
    static final String OPENED = "ticket_opened";
    private static final int EXCERPT = 2_000;

    private final UserRepository users;
    private final Mailer mailer;
    private final AfterCommit afterCommit;

    @Inject
    public TicketNotifications(UserRepository users, Mailer mailer, AfterCommit afterCommit) {
        this.users = users;
        this.mailer = mailer;
        this.afterCommit = afterCommit;
    }

    /** A new ticket is the customer's first message: the staff hear of it as of a customer reply. */
    void opened(Ticket ticket, TicketMessage first) {
        send(ticket, first, first.staff() ? null : OPENED);
    }

    void replied(Ticket ticket, TicketMessage message) {
        send(ticket, message, message.staff() ? TO_CUSTOMER : TO_STAFF);
    }

    private void send(Ticket ticket, TicketMessage message, String template) {
        if (message.internal() || template == null) {
            return;
        }
        List<User> recipients = new ArrayList<>();
        if (message.staff()) {
            active(ticket.customerId()).ifPresent(recipients::add);
        } else {
            if (ticket.assigneeId() != null) {
                active(ticket.assigneeId()).ifPresent(recipients::add);
            } else {
                recipients.addAll(staff());
            }
        }
        recipients.removeIf(u -> u.id().value().equals(message.authorId()));
        List<OutgoingMail> mails = recipients.stream()
                .map(u -> new OutgoingMail(u.email(), u.language().code(), template, Map.of(
                        "username", u.username(),
                        "ticket_id", ticket.id().toString(),
                        "subject", ticket.subject(),
                        "status", ticket.status().wireName(),
                        "body", excerpt(message.body()))))
                .toList();
        if (!mails.isEmpty()) {
            afterCommit.run(() -> mails.forEach(mailer::send));
        }
    }

    boolean isActiveStaff(UUID userId) {
        return active(userId).filter(u -> u.role().isStaff()).isPresent();
    }

    private Optional<User> active(UUID id) {
        return users.findById(new UserId(id)).filter(u -> u.status() == UserStatus.ACTIVE);
    }

    private List<User> staff() {
        List<User> out = new ArrayList<>();
        for (Role role : List.of(Role.SUPPORT, Role.ADMIN)) {
            int pageNo = 1;
            Page<User> page;
            do {
                page = users.search(new UserSearch(role, UserStatus.ACTIVE, null, null), new PageRequest(pageNo++, PageRequest.MAX_PER_PAGE));
                out.addAll(page.items());
            } while (page.hasNext());
        }
        return out;
    }

    private static String excerpt(String body) {
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + " ...";
    }
}
