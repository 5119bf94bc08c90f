package io.proxima.application.billing.service;

import io.proxima.application.billing.port.out.BillingNotifier;
import io.proxima.application.mail.port.out.Mailer;
import io.proxima.application.mail.port.out.OutgoingMail;
import io.proxima.application.shared.AfterCommit;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Billing's notices by email, in the customer's language, sent once the billing transaction has
 * committed (a rolled-back suspension sends nothing). Mail delivery is best effort.
 */
@ApplicationScoped
public class MailBillingNotifier implements BillingNotifier {

    private final UserRepository users;
    private final Mailer mailer;
    private final AfterCommit afterCommit;

    @Inject
    public MailBillingNotifier(UserRepository users, Mailer mailer, AfterCommit afterCommit) {
        this.users = users;
        this.mailer = mailer;
        this.afterCommit = afterCommit;
    }

    @Override
    public void suspended(UUID userId, String balance, String currency) {
        send(userId, "billing_suspended", Map.of("balance", balance, "currency", currency));
    }

    @Override
    public void unsuspended(UUID userId) {
        send(userId, "billing_unsuspended", Map.of());
    }

    @Override
    public void terminated(UUID userId) {
        send(userId, "billing_terminated", Map.of());
    }

    @Override
    public void lowBalance(UUID userId, String balance, String currency) {
        send(userId, "billing_low_balance", Map.of("balance", balance, "currency", currency));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    void send(UUID userId, String template, Map<String, String> params) {
        Optional<User> user = users.findById(new UserId(userId));
        user.ifPresent(u -> {
            Map<String, String> all = new java.util.HashMap<>(params);
            all.put("username", u.username());
            OutgoingMail mail = new OutgoingMail(u.email(), u.language().code(), template, all);
            afterCommit.run(() -> mailer.send(mail));
        });
    }
}
