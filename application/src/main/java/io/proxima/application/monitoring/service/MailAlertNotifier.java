package io.proxima.application.monitoring.service;

import io.proxima.application.mail.port.out.Mailer;
import io.proxima.application.mail.port.out.OutgoingMail;
import io.proxima.application.monitoring.port.out.AlertNotifier;
import io.proxima.application.shared.AfterCommit;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.user.port.in.AuthenticatedPrincipal;
import io.proxima.application.user.port.in.UserAdministrationUseCase;
import io.proxima.application.user.port.in.UserSearch;
import io.proxima.domain.monitoring.Alert;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import io.proxima.domain.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alert mails in the recipient's language: a customer's alert to the customer, a fleet alert
 * (nodes, rules of administrators) to the active administrators. Sent after commit, through the
 * mail port (which never blocks the caller).
 */
@ApplicationScoped
public class MailAlertNotifier implements AlertNotifier {

    private static final AuthenticatedPrincipal SYSTEM = new AuthenticatedPrincipal(new UserId(new UUID(0, 0)), "system",
            Role.ADMIN, null, null, null, null, null);

    private final UserAdministrationUseCase users;
    private final Mailer mailer;
    private final AfterCommit afterCommit;

    @Inject
    public MailAlertNotifier(UserAdministrationUseCase users, Mailer mailer, AfterCommit afterCommit) {
        this.users = users;
        this.mailer = mailer;
        this.afterCommit = afterCommit;
    }

    @Override
    public void triggered(Alert alert) {
        send("alert_triggered", alert);
    }

    @Override
    public void resolved(Alert alert) {
        send("alert_resolved", alert);
    }

    private void send(String template, Alert a) {
        List<User> to;
        if (a.ownerId() != null) {
            try {
                to = List.of(users.get(SYSTEM, new UserId(a.ownerId())));
            } catch (io.proxima.domain.shared.NotFoundException ownerGone) {
                // The owner's account is gone (deleted while its VM row remains): nobody to mail, and
                // that must not abort the alert or the other alerts of the cycle.
                return;
            }
        } else {
            to = users.list(new UserSearch(Role.ADMIN, UserStatus.ACTIVE, null, null), new PageRequest(1, 20)).items();
        }
        for (User u : to) {
            OutgoingMail mail = new OutgoingMail(u.email(), u.language().code(), template, Map.of(
                    "username", u.username(), "severity", a.severity().wireName(), "alert_type", a.alertType(),
                    "resource", a.resourceName() == null ? a.resourceType() + " " + a.resourceId() : a.resourceName(),
                    "message", a.message() == null ? "" : a.message(), "alert_id", a.id().toString()));
            afterCommit.run(() -> mailer.send(mail));
        }
    }
}
