package io.proxima.application.user.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.user.port.in.AccountUseCase;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.user.Language;
import io.proxima.domain.user.OneTimeCode;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

@ApplicationScoped
@Transactional
public class AccountService implements AccountUseCase {

    private final UserRepository users;
    private final RevocationCache cache;
    private final Sessions sessions;
    private final CodeMailer codeMailer;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public AccountService(UserRepository users, RevocationCache cache, Sessions sessions, CodeMailer codeMailer,
                          AuditLog audit, Clock clock) {
        this.users = users;
        this.cache = cache;
        this.sessions = sessions;
        this.codeMailer = codeMailer;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public User profile(io.proxima.domain.user.UserId userId) {
        // Served from the short per-instance cache: changes made on this instance clear it, others
        // show up within the cache period (a few seconds); last_login_at may lag by as much.
        return cache.get("profile:" + userId, () -> load(userId));
    }

    private User load(io.proxima.domain.user.UserId userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
    }

    @Override
    public User updateProfile(UpdateProfileCommand c) {
        User user = load(c.userId());
        Instant now = clock.instant();
        if (c.username() != null && !c.username().equalsIgnoreCase(user.username())
                && users.usernameTaken(c.username().trim(), user.id())) {
            throw new ConflictException("error.username_taken", "The username is already taken");
        }
        if (c.email() != null && users.emailTaken(UserNames.canonicalEmail(c.email()), user.id())) {
            throw new ConflictException("error.email_taken", "The email address is already registered");
        }
        Language language = c.language() == null ? null : Language.fromCode("language", c.language());
        boolean emailChanged = user.updateProfile(c.username() == null ? null : c.username().trim(), c.email(),
                c.phone(), language, c.avatar(), now);
        users.save(user);
        sessions.forgetCachedChecks();
        if (emailChanged) {
            codeMailer.send(user, OneTimeCode.Purpose.EMAIL_VERIFICATION, now, false);
        }
        audit.record(AuditEvent.of("account.profile_update", "user", user.id()).detail("email_changed", emailChanged));
        return user;
    }
}
