package io.proxima.application.user.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.application.user.IdentitySettings;
import io.proxima.application.user.port.in.TwoFactorUseCase;
import io.proxima.application.user.port.out.RecoveryCodeRepository;
import io.proxima.application.user.port.out.TotpCodes;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.user.RecoveryCode;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

@ApplicationScoped
@Transactional(dontRollbackOn = DomainException.class)
public class TwoFactorService implements TwoFactorUseCase {

    public static final int RECOVERY_CODES = 10;

    private final UserRepository users;
    private final Sessions sessions;
    private final RecoveryCodeRepository recoveryCodes;
    private final TotpCodes totp;
    private final SecretCipher cipher;
    private final AuditLog audit;
    private final Clock clock;
    private final String issuer;
    private final LoginThrottle throttle;

    @Inject
    public TwoFactorService(UserRepository users, Sessions sessions, RecoveryCodeRepository recoveryCodes, TotpCodes totp,
                            SecretCipher cipher, AuditLog audit, Clock clock, IdentitySettings settings,
                            LoginThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.sessions = sessions;
        this.recoveryCodes = recoveryCodes;
        this.totp = totp;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.issuer = settings.totpIssuer();
    }

    @Override
    public TotpStatus status(UserId userId) {
        User user = user(userId);
        int left = user.totpEnabled() ? recoveryCodes.findUnused(userId).size() : 0;
        return new TotpStatus(user.totpEnabled(), !user.totpEnabled() && user.totpSecret() != null, left);
    }

    @Override
    public TotpSetup setUp(UserId userId) {
        User user = user(userId);
        String secret = totp.newSecret();
        user.beginTotpSetup(cipher.encrypt(secret), clock.instant());
        users.save(user);
        audit.record(AuditEvent.of("account.totp_setup", "user", user.id()));
        return new TotpSetup(secret, totp.uri(secret, issuer, user.username()));
    }

    @Override
    public List<String> confirm(UserId userId, String code) {
        User user = user(userId);
        Instant now = clock.instant();
        if (user.totpEnabled()) {
            throw new StateConflictException("error.totp.already_enabled", "two-factor authentication is already enabled", "enabled");
        }
        if (user.totpSecret() == null) {
            throw new StateConflictException("error.totp.not_set_up", "two-factor authentication has not been set up", "disabled");
        }
        // Five wrong codes, then a lock (like login): a stolen session cannot search the 10^6 codes.
        throttle.requireTotpGuessesLeft(user.id(), now);
        OptionalLong step = code == null ? OptionalLong.empty() : totp.verify(cipher.decrypt(user.totpSecret()), code.trim(), now);
        if (step.isEmpty()) {
            throttle.totpFailed(user.id(), now);
            audit.record(AuditEvent.of("account.totp_enable", "user", user.id()).failed().detail("reason", "wrong_code"));
            throw wrongCode();
        }
        throttle.totpSucceeded(user.id());
        user.confirmTotp(step.getAsLong(), now);
        users.save(user);
        List<String> plain = new ArrayList<>();
        List<RecoveryCode> hashed = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String c = RandomSecrets.base32(5) + "-" + RandomSecrets.base32(5);
            plain.add(c);
            hashed.add(new RecoveryCode(UUID.randomUUID(), user.id(), RecoveryCode.hash(user.id(), c), null));
        }
        recoveryCodes.replaceAll(user.id(), hashed);
        sessions.forgetCachedChecks();
        audit.record(AuditEvent.of("account.totp_enable", "user", user.id()));
        return plain;
    }

    @Override
    public void disable(UserId userId, String code) {
        User user = user(userId);
        Instant now = clock.instant();
        if (!user.totpEnabled()) {
            throw new StateConflictException("error.totp.not_enabled", "two-factor authentication is not enabled", "disabled");
        }
        throttle.requireTotpGuessesLeft(user.id(), now);
        String c = code == null ? "" : code.trim();
        boolean ok = false;
        if (c.matches("\\d{6}")) {
            OptionalLong step = totp.verify(cipher.decrypt(user.totpSecret()), c, now);
            ok = step.isPresent() && user.acceptTotpStep(step.getAsLong());
        } else if (!c.isEmpty()) {
            for (RecoveryCode rc : recoveryCodes.findUnused(user.id())) {
                if (rc.matches(c) && recoveryCodes.markUsed(rc.id(), now)) {
                    ok = true;
                    break;
                }
            }
        }
        if (!ok) {
            users.save(user);
            throttle.totpFailed(user.id(), now);
            audit.record(AuditEvent.of("account.totp_disable", "user", user.id()).failed().detail("reason", "wrong_code"));
            throw wrongCode();
        }
        throttle.totpSucceeded(user.id());
        user.disableTotp(now);
        users.save(user);
        recoveryCodes.deleteAll(user.id());
        sessions.forgetCachedChecks();
        audit.record(AuditEvent.of("account.totp_disable", "user", user.id()));
    }

    private User user(UserId id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    private static ValidationException wrongCode() {
        return ValidationException.of("code", "validation.totp.invalid", "is not a valid two-factor code");
    }
}
