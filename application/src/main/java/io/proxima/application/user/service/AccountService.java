package io.proxima.application.user.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.shared.port.out.PublicUrls;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.application.user.port.in.AccountUseCase;
import io.proxima.application.user.port.out.AccountChangeRepository;
import io.proxima.application.user.port.out.ApiKeyRepository;
import io.proxima.application.user.port.out.OneTimeCodeRepository;
import io.proxima.application.user.port.out.PasswordHasher;
import io.proxima.application.user.port.out.RecoveryCodeRepository;
import io.proxima.application.user.port.out.TotpCodes;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.user.AuthenticationException;
import io.proxima.domain.user.Language;
import io.proxima.domain.user.OneTimeCode;
import io.proxima.domain.user.SecretHashes;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import io.proxima.domain.user.UserNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The caller's profile. Email and phone are how an account is recovered and how its owner is
 * reached, so changing them is guarded like a credential change (issue 11): password (and second
 * factor), never an API key, the new email proven by a code, the old address told with an undo.
 * Failed attempts are business outcomes that must persist (code attempts, audit), so domain
 * exceptions do not roll back; every check runs before anything is changed.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = DomainException.class)
public class AccountService implements AccountUseCase {

    /** How long the old address can undo an email or phone change. */
    public static final Duration UNDO_VALIDITY = Duration.ofDays(7);
    public static final String EMAIL_NOTICE_TEMPLATE = "email_change_notice";
    public static final String PHONE_NOTICE_TEMPLATE = "phone_change_notice";
    public static final String UNDONE_TEMPLATE = "contact_change_undone";
    public static final String UNDO_PATH = "/api/v1/auth/account-change/undo";

    private final UserRepository users;
    private final RevocationCache cache;
    private final Sessions sessions;
    private final CodeMailer codeMailer;
    private final OneTimeCodeRepository codes;
    private final AccountChangeRepository changes;
    private final ApiKeyRepository apiKeys;
    private final PasswordHasher hasher;
    private final TotpCodes totp;
    private final SecretCipher cipher;
    private final RecoveryCodeRepository recoveryCodes;
    private final PublicUrls publicUrls;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public AccountService(UserRepository users, RevocationCache cache, Sessions sessions, CodeMailer codeMailer,
                          OneTimeCodeRepository codes, AccountChangeRepository changes, ApiKeyRepository apiKeys,
                          PasswordHasher hasher, TotpCodes totp, SecretCipher cipher,
                          RecoveryCodeRepository recoveryCodes, PublicUrls publicUrls, LoginThrottle throttle,
                          AuditLog audit, Clock clock) {
        this.throttle = throttle;
        this.users = users;
        this.cache = cache;
        this.sessions = sessions;
        this.codeMailer = codeMailer;
        this.codes = codes;
        this.changes = changes;
        this.apiKeys = apiKeys;
        this.hasher = hasher;
        this.totp = totp;
        this.cipher = cipher;
        this.recoveryCodes = recoveryCodes;
        this.publicUrls = publicUrls;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public User profile(UserId userId) {
        // Served from the short per-instance cache: changes made on this instance clear it, others
        // show up within the cache period (a few seconds); last_login_at may lag by as much.
        return cache.get("profile:" + userId, () -> load(userId));
    }

    private User load(UserId userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
    }

    @Override
    public User updateProfile(UpdateProfileCommand c) {
        User user = load(c.userId());
        Instant now = clock.instant();
        String newEmail = c.email() == null ? null : UserNames.canonicalEmail(c.email());
        boolean emailChange = newEmail != null && !newEmail.equals(user.email());
        boolean phoneChange = c.phone() != null && !Objects.equals(blankToNull(c.phone()), user.phone());
        if (emailChange) {
            UserNames.emailError("email", c.email()).ifPresent(e -> {
                throw new ValidationException(List.of(e));
            });
        }
        if (c.username() != null && !c.username().equalsIgnoreCase(user.username())
                && users.usernameTaken(c.username().trim(), user.id())) {
            throw new ConflictException("error.username_taken", "The username is already taken");
        }
        if (emailChange && users.emailTaken(newEmail, user.id())) {
            throw new ConflictException("error.email_taken", "The email address is already registered");
        }
        Language language = c.language() == null ? null : Language.fromCode("language", c.language());
        if (emailChange || phoneChange) {
            if (c.viaApiKey()) {
                throw AuthenticationException.forbidden("error.api_key_contact_change",
                        "API keys cannot change the email address or phone number");
            }
            reauthenticate(user, c.currentPassword(), c.totpCode(), now);
        }
        String oldEmail = user.email();
        String oldPhone = user.phone();
        // The email stays as it is here: it changes only when the code mailed to the new address comes back.
        user.updateProfile(c.username() == null ? null : c.username().trim(), null, phoneChange ? c.phone() : null,
                language, c.avatar(), now);
        users.save(user);
        sessions.forgetCachedChecks();
        if (emailChange) {
            codeMailer.sendEmailChange(user, newEmail, now);
            String undo = undoLink(user, "email", oldEmail, oldPhone, now);
            codeMailer.notify(user, oldEmail, EMAIL_NOTICE_TEMPLATE, Map.of("new_email", newEmail,
                    "undo_url", undo, "days", Long.toString(UNDO_VALIDITY.toDays())));
        }
        if (phoneChange) {
            String undo = undoLink(user, "phone", oldEmail, oldPhone, now);
            codeMailer.notify(user, oldEmail, PHONE_NOTICE_TEMPLATE, Map.of(
                    "new_phone", user.phone() == null ? "-" : user.phone(),
                    "undo_url", undo, "days", Long.toString(UNDO_VALIDITY.toDays())));
        }
        audit.record(AuditEvent.of("account.profile_update", "user", user.id())
                .detail("email_change_requested", emailChange).detail("phone_changed", phoneChange));
        return user;
    }

    /** The current password, and the second factor when it is on, just as at login. */
    private void reauthenticate(User user, String password, String totpCode, Instant now) {
        if (password == null || password.isEmpty() || !hasher.verify(password, user.passwordHash())) {
            audit.record(AuditEvent.of("account.profile_update", "user", user.id()).failed()
                    .detail("reason", "wrong_password"));
            throw ValidationException.of("current_password", "validation.password.current",
                    "is required to change the email address or phone number, and must be the current password");
        }
        if (user.totpEnabled()) {
            throttle.requireTotpGuessesLeft(user.id(), now);
            boolean ok = SecondFactor.accepted(user, totpCode, now, totp, cipher, recoveryCodes, audit);
            users.save(user);
            if (ok) {
                throttle.totpSucceeded(user.id());
            } else {
                throttle.totpFailed(user.id(), now);
                audit.record(AuditEvent.of("account.profile_update", "user", user.id()).failed()
                        .detail("reason", "wrong_totp"));
                throw ValidationException.of("totp_code", "validation.totp.invalid",
                        "a current two-factor code (or a recovery code) is required");
            }
        }
    }

    private String undoLink(User user, String kind, String oldEmail, String oldPhone, Instant now) {
        String token = RandomSecrets.token(32);
        changes.insert(SecretHashes.sha256(token), user.id(), kind, oldEmail, oldPhone, now.plus(UNDO_VALIDITY), now);
        return publicUrls.http(UNDO_PATH + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    @Override
    public User confirmEmailChange(UserId userId, String code, boolean viaApiKey) {
        if (viaApiKey) {
            throw AuthenticationException.forbidden("error.api_key_contact_change",
                    "API keys cannot change the email address or phone number");
        }
        User user = load(userId);
        Instant now = clock.instant();
        OneTimeCode otc = codes.findLatest(user.id(), OneTimeCode.Purpose.EMAIL_CHANGE)
                .orElseThrow(RegistrationService::invalidCode);
        OneTimeCode.Outcome outcome = otc.attempt(code, now);
        codes.save(otc);
        if (outcome != OneTimeCode.Outcome.ACCEPTED) {
            audit.record(AuditEvent.of("account.email_change", "user", user.id()).failed()
                    .detail("reason", outcome.name().toLowerCase(Locale.ROOT)));
            throw RegistrationService.invalidCode();
        }
        if (users.emailTaken(otc.email(), user.id())) {
            throw new ConflictException("error.email_taken", "The email address is already registered");
        }
        user.confirmEmailChange(otc.email(), now);
        users.save(user);
        sessions.forgetCachedChecks();
        audit.record(AuditEvent.of("account.email_change", "user", user.id()));
        return user;
    }

    @Override
    public void undoContactChange(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            throw invalidUndo();
        }
        Instant now = clock.instant();
        AccountChangeRepository.Undo undo = changes.consume(SecretHashes.sha256(token.trim()), now)
                .orElseThrow(AccountService::invalidUndo);
        User user = load(undo.userId());
        if (user.isDeleted()) {
            throw invalidUndo();
        }
        if (users.emailTaken(undo.oldEmail(), user.id())) {
            throw new ConflictException("error.email_taken", "The previous email address is now used by another account");
        }
        user.restoreContact(undo.oldEmail(), undo.oldPhone(), now);
        users.save(user);
        // Later changes' links must not undo the undo, and a pending new address is dropped.
        changes.consumeAll(user.id(), now);
        codes.consumeAll(user.id(), OneTimeCode.Purpose.EMAIL_CHANGE, now);
        int revoked = sessions.revokeAll(user.id(), null, "contact_change_undone", now);
        int keys = apiKeys.disableAll(user.id());
        sessions.forgetCachedChecks();
        codeMailer.notify(user, user.email(), UNDONE_TEMPLATE, Map.of());
        audit.record(AuditEvent.of("account.contact_change_undone", "user", user.id()).user(user.id().value())
                .detail("kind", undo.kind()).detail("sessions_revoked", revoked).detail("api_keys_disabled", keys));
    }

    private static ValidationException invalidUndo() {
        return ValidationException.of("token", "validation.undo_token", "is invalid, used or older than 7 days");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
