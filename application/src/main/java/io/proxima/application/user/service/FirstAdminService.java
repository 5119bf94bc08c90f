package io.proxima.application.user.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.user.port.in.FirstAdminUseCase;
import io.proxima.application.user.port.out.PasswordHasher;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.user.Language;
import io.proxima.domain.user.PasswordPolicy;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import io.proxima.domain.user.UserNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class FirstAdminService implements FirstAdminUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public FirstAdminService(UserRepository users, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public FirstAdmin ensureAdmin(String username, String email, String password) {
        // Instances starting together queue here; the second one then sees the first one's admin.
        users.lockAdminBootstrap();
        if (users.activeAdminExists()) {
            return new FirstAdmin(false, null, Optional.empty());
        }
        if (users.usernameTaken(username, null) || users.emailTaken(UserNames.canonicalEmail(email), null)) {
            throw new IllegalStateException("No administrator exists, and the configured first admin's username '"
                    + username + "' or email is already used by another account: set PROXIMA_ADMIN_USERNAME and PROXIMA_ADMIN_EMAIL");
        }
        boolean generate = password == null || password.isBlank();
        String pw = generate ? RandomSecrets.token(18) : password;
        if (!generate) {
            PasswordPolicy.check("PROXIMA_ADMIN_PASSWORD", pw, username);
        }
        User admin = User.register(UserId.random(), username, email, null, Language.EN, hasher.hash(pw), Role.ADMIN,
                false, clock.instant());
        users.save(admin);
        audit.record(AuditEvent.of("user.bootstrap_admin", "user", admin.id()).user(admin.id().value())
                .detail("username", username).detail("generated_password", generate));
        return new FirstAdmin(true, username, generate ? Optional.of(pw) : Optional.empty());
    }
}
