package io.proxima.application.user.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.user.port.in.PasswordUseCase;
import io.proxima.application.user.port.out.ApiKeyRepository;
import io.proxima.application.user.port.out.OneTimeCodeRepository;
import io.proxima.application.user.port.out.PasswordHasher;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.user.OneTimeCode;
import io.proxima.domain.user.PasswordPolicy;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import io.proxima.domain.user.UserNames;
import io.proxima.domain.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional(dontRollbackOn = DomainException.class)
public class PasswordService implements PasswordUseCase {

    public static final String RESET_NOTICE = "password_reset_notice";
    public static final String CHANGE_NOTICE = "password_change_notice";

    private final UserRepository users;
    private final OneTimeCodeRepository codes;
    private final CodeMailer codeMailer;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final ApiKeyRepository apiKeys;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public PasswordService(UserRepository users, OneTimeCodeRepository codes, CodeMailer codeMailer,
                           PasswordHasher hasher, Sessions sessions, ApiKeyRepository apiKeys, AuditLog audit,
                           Clock clock) {
        this.apiKeys = apiKeys;
        this.users = users;
        this.codes = codes;
        this.codeMailer = codeMailer;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void forgot(String email) {
        Instant now = clock.instant();
        users.findByEmail(UserNames.canonicalEmail(email))
                .filter(u -> u.status() == UserStatus.ACTIVE || u.status() == UserStatus.PENDING_VERIFICATION)
                .ifPresent(u -> {
                    if (codeMailer.send(u, OneTimeCode.Purpose.PASSWORD_RESET, now, true)) {
                        audit.record(AuditEvent.of("auth.password_reset_requested", "user", u.id()).user(u.id().value()));
                    }
                });
    }

    @Override
    public void reset(String email, String code, String newPassword) {
        PasswordPolicy.check("new_password", newPassword, null);
        Instant now = clock.instant();
        Optional<User> found = users.findByEmail(UserNames.canonicalEmail(email))
                .filter(u -> u.status() == UserStatus.ACTIVE || u.status() == UserStatus.PENDING_VERIFICATION);
        if (found.isEmpty()) {
            throw RegistrationService.invalidCode();
        }
        User user = found.get();
        OneTimeCode otc = codes.findLatest(user.id(), OneTimeCode.Purpose.PASSWORD_RESET)
                .orElseThrow(RegistrationService::invalidCode);
        OneTimeCode.Outcome outcome = otc.attempt(code, now);
        codes.save(otc);
        if (outcome != OneTimeCode.Outcome.ACCEPTED) {
            audit.record(AuditEvent.of("auth.password_reset", "user", user.id()).user(user.id().value()).failed()
                    .detail("reason", outcome.name().toLowerCase(java.util.Locale.ROOT)));
            throw RegistrationService.invalidCode();
        }
        PasswordPolicy.check("new_password", newPassword, user.username());
        user.changePassword(hasher.hash(newPassword), now);
        // The code arrived by mail, which proves the address.
        user.markEmailVerified(now);
        users.save(user);
        int revoked = sessions.revokeAll(user.id(), null, "password_reset", now);
        int keys = apiKeys.disableAll(user.id());
        codeMailer.notify(user, user.email(), RESET_NOTICE, Map.of("api_keys", Integer.toString(keys)));
        audit.record(AuditEvent.of("auth.password_reset", "user", user.id()).user(user.id().value())
                .detail("sessions_revoked", revoked).detail("api_keys_disabled", keys));
    }

    @Override
    public void change(UserId userId, UUID keepFamily, String currentPassword, String newPassword,
                       boolean revokeApiKeys) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
        Instant now = clock.instant();
        if (currentPassword == null || !hasher.verify(currentPassword, user.passwordHash())) {
            audit.record(AuditEvent.of("account.password_change", "user", user.id()).failed().detail("reason", "wrong_password"));
            throw ValidationException.of("current_password", "validation.password.current", "is not the current password");
        }
        PasswordPolicy.check("new_password", newPassword, user.username());
        user.changePassword(hasher.hash(newPassword), now);
        users.save(user);
        int revoked = sessions.revokeAll(user.id(), keepFamily, "password_change", now);
        int keys = revokeApiKeys ? apiKeys.disableAll(user.id()) : 0;
        if (keys > 0) {
            sessions.forgetCachedChecks();
        }
        codeMailer.notify(user, user.email(), CHANGE_NOTICE, Map.of("api_keys", Integer.toString(keys)));
        audit.record(AuditEvent.of("account.password_change", "user", user.id()).detail("sessions_revoked", revoked)
                .detail("api_keys_disabled", keys));
    }
}
