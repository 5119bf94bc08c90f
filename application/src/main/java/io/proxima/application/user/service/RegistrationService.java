package io.proxima.application.user.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.system.port.in.SystemSettingsUseCase;
import io.proxima.application.user.port.in.RegistrationUseCase;
import io.proxima.application.user.port.out.OneTimeCodeRepository;
import io.proxima.application.user.port.out.PasswordHasher;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.system.Setting;
import io.proxima.domain.user.AuthenticationException;
import io.proxima.domain.user.Language;
import io.proxima.domain.user.OneTimeCode;
import io.proxima.domain.user.PasswordPolicy;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import io.proxima.domain.user.UserNames;
import io.proxima.domain.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional(dontRollbackOn = DomainException.class)
public class RegistrationService implements RegistrationUseCase {

    private final UserRepository users;
    private final RevocationCache cache;
    private final OneTimeCodeRepository codes;
    private final CodeMailer codeMailer;
    private final PasswordHasher hasher;
    private final SystemSettingsUseCase settings;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public RegistrationService(UserRepository users, RevocationCache cache, OneTimeCodeRepository codes, CodeMailer codeMailer,
                               PasswordHasher hasher, SystemSettingsUseCase settings, AuditLog audit, Clock clock) {
        this.users = users;
        this.cache = cache;
        this.codes = codes;
        this.codeMailer = codeMailer;
        this.hasher = hasher;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public User register(RegisterCommand c) {
        if (!settings.flag(Setting.REGISTRATION_OPEN)) {
            throw AuthenticationException.forbidden("error.registration_closed", "Registration is closed");
        }
        Language language = checkNewAccount(c.username(), c.email(), c.password(), c.language());
        Instant now = clock.instant();
        boolean verificationRequired = settings.flag(Setting.VERIFICATION_REQUIRED);
        User user = User.register(UserId.random(), c.username().trim(), c.email(), c.phone(), language,
                hasher.hash(c.password()), Role.USER, verificationRequired, now);
        users.save(user);
        if (verificationRequired) {
            codeMailer.send(user, OneTimeCode.Purpose.EMAIL_VERIFICATION, now, false);
        }
        audit.record(AuditEvent.of("auth.register", "user", user.id()).user(user.id().value()));
        return user;
    }

    /** Shape, policy and uniqueness checks shared with administrators creating accounts. */
    Language checkNewAccount(String username, String email, String password, String languageCode) {
        List<FieldError> errors = new ArrayList<>(UserNames.check(username == null ? null : username.trim(), email));
        errors.addAll(PasswordPolicy.violations("password", password, username));
        Language language = null;
        try {
            language = Language.fromCode("language", languageCode);
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (users.usernameTaken(username.trim(), null)) {
            throw new ConflictException("error.username_taken", "The username is already taken");
        }
        if (users.emailTaken(UserNames.canonicalEmail(email), null)) {
            throw new ConflictException("error.email_taken", "The email address is already registered");
        }
        return language;
    }

    @Override
    public User verify(String email, String code) {
        Instant now = clock.instant();
        Optional<User> found = users.findByEmail(UserNames.canonicalEmail(email))
                .filter(u -> u.status() == UserStatus.PENDING_VERIFICATION || !u.emailVerified())
                .filter(u -> u.status() != UserStatus.DELETED && u.status() != UserStatus.DISABLED);
        if (found.isEmpty()) {
            throw invalidCode();
        }
        User user = found.get();
        OneTimeCode otc = codes.findLatest(user.id(), OneTimeCode.Purpose.EMAIL_VERIFICATION)
                .filter(c -> c.email().equals(user.email()))
                .orElseThrow(RegistrationService::invalidCode);
        OneTimeCode.Outcome outcome = otc.attempt(code, now);
        codes.save(otc);
        if (outcome != OneTimeCode.Outcome.ACCEPTED) {
            audit.record(AuditEvent.of("auth.verify_email", "user", user.id()).user(user.id().value()).failed()
                    .detail("reason", outcome.name().toLowerCase(java.util.Locale.ROOT)));
            throw invalidCode();
        }
        user.markEmailVerified(now);
        users.save(user);
        cache.invalidateAll();
        audit.record(AuditEvent.of("auth.verify_email", "user", user.id()).user(user.id().value()));
        return user;
    }

    /** One answer for unknown addresses, wrong, used, expired and exhausted codes alike. */
    static ValidationException invalidCode() {
        return ValidationException.of("code", "validation.code.invalid",
                "is invalid or has expired; after 5 wrong attempts request a new code");
    }

    @Override
    public void resend(String email) {
        Instant now = clock.instant();
        users.findByEmail(UserNames.canonicalEmail(email))
                .filter(u -> !u.emailVerified())
                .filter(u -> u.status() == UserStatus.PENDING_VERIFICATION || u.status() == UserStatus.ACTIVE)
                .ifPresent(u -> codeMailer.send(u, OneTimeCode.Purpose.EMAIL_VERIFICATION, now, true));
    }
}
