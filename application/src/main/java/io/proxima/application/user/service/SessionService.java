package io.proxima.application.user.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.application.user.IdentitySettings;
import io.proxima.application.user.port.in.AuthenticatedPrincipal;
import io.proxima.application.user.port.in.IssuedTokens;
import io.proxima.application.user.port.in.SessionUseCase;
import io.proxima.application.user.port.out.PasswordHasher;
import io.proxima.application.user.port.out.RecoveryCodeRepository;
import io.proxima.application.user.port.out.SessionRepository;
import io.proxima.application.user.port.out.TotpCodes;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.user.AuthenticationException;
import io.proxima.domain.user.LockoutPolicy;
import io.proxima.domain.user.RecoveryCode;
import io.proxima.domain.user.RefreshToken;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.SecretHashes;
import io.proxima.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Login, refresh and logout. Failures are business outcomes that must persist (failed-login
 * counters, revoked families, audit records), so domain exceptions do not roll back.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = DomainException.class)
public class SessionService implements SessionUseCase {

    static final int MAX_SECRET_LENGTH = 512;

    private final UserRepository users;
    private final SessionRepository sessionRepository;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final TotpCodes totp;
    private final SecretCipher cipher;
    private final RecoveryCodeRepository recoveryCodes;
    private final AuditLog audit;
    private final Clock clock;
    private final LockoutPolicy lockout;
    private final LoginThrottle throttle;

    @Inject
    public SessionService(UserRepository users, SessionRepository sessionRepository, Sessions sessions,
                          PasswordHasher hasher, TotpCodes totp, SecretCipher cipher,
                          RecoveryCodeRepository recoveryCodes, AuditLog audit, Clock clock, IdentitySettings settings,
                          LoginThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.sessionRepository = sessionRepository;
        this.sessions = sessions;
        this.hasher = hasher;
        this.totp = totp;
        this.cipher = cipher;
        this.recoveryCodes = recoveryCodes;
        this.audit = audit;
        this.clock = clock;
        this.lockout = new LockoutPolicy(settings.lockoutMaxFailures(), settings.lockoutDuration());
    }

    @Override
    public IssuedTokens login(LoginCommand command) {
        String action = command.adminOnly() ? "auth.admin_login" : "auth.login";
        String login = command.login() == null ? "" : command.login().trim();
        String password = command.password() == null ? "" : command.password();
        Instant now = clock.instant();
        Optional<User> found = login.isEmpty() || login.length() > 254 ? Optional.empty() : users.findByLogin(login);
        if (found.isEmpty() || found.get().isDeleted()) {
            hasher.verifyDummy(password);
            audit.record(AuditEvent.of(action, "user", null).failed().detail("reason", "unknown_user"));
            throw AuthenticationException.invalidCredentials();
        }
        User user = found.get();
        if (throttle.pairLocked(user, now)) {
            // Same work and same answer as a wrong password: the lock is not revealed. Only this
            // address is locked out of this account; the owner elsewhere is not.
            hasher.verifyDummy(password);
            audit.record(AuditEvent.of(action, "user", user.id()).user(user.id().value()).denied().detail("reason", "locked"));
            throw AuthenticationException.invalidCredentials();
        }
        if (!hasher.verify(password, user.passwordHash())) {
            fail(user, now);
            audit.record(AuditEvent.of(action, "user", user.id()).user(user.id().value()).failed()
                    .detail("reason", "wrong_password").detail("failed_logins", user.failedLogins()));
            throw AuthenticationException.invalidCredentials();
        }
        if (user.totpEnabled()) {
            String code = command.totpCode() == null ? "" : command.totpCode().trim();
            if (code.isEmpty()) {
                audit.record(AuditEvent.of(action, "user", user.id()).user(user.id().value()).failed().detail("reason", "totp_required"));
                throw AuthenticationException.totpRequired(false);
            }
            if (!secondFactorAccepted(user, code, now)) {
                fail(user, now);
                audit.record(AuditEvent.of(action, "user", user.id()).user(user.id().value()).failed().detail("reason", "wrong_totp"));
                throw AuthenticationException.totpRequired(true);
            }
        } else if (user.isLocked(now)) {
            // An account-wide burst of failures: the right password alone is not enough now, a
            // code mailed to the account's address stands in for the missing second factor.
            String code = command.emailCode() == null ? "" : command.emailCode().trim();
            if (code.isEmpty()) {
                throttle.sendLoginCode(user, now);
                audit.record(AuditEvent.of(action, "user", user.id()).user(user.id().value()).failed()
                        .detail("reason", "email_code_required"));
                throw AuthenticationException.loginCodeRequired(false);
            }
            if (!throttle.loginCodeAccepted(user, code, now)) {
                audit.record(AuditEvent.of(action, "user", user.id()).user(user.id().value()).failed()
                        .detail("reason", "wrong_email_code"));
                throw AuthenticationException.loginCodeRequired(true);
            }
        }
        if (command.adminOnly() && user.role() != Role.ADMIN) {
            audit.record(AuditEvent.of(action, "user", user.id()).user(user.id().value()).denied().detail("reason", "not_admin"));
            throw AuthenticationException.invalidCredentials();
        }
        if (!user.canAuthenticate()) {
            audit.record(AuditEvent.of(action, "user", user.id()).user(user.id().value()).denied()
                    .detail("reason", user.status().code()));
            throw AuthenticationException.accountInactive();
        }
        if (hasher.needsRehash(user.passwordHash())) {
            user.rehashPassword(hasher.hash(password));
        }
        user.recordSuccessfulLogin(now);
        users.saveLoginState(user);
        throttle.succeeded(user);
        IssuedTokens tokens = sessions.open(user, now);
        audit.record(AuditEvent.of(action, "user", user.id()).user(user.id().value()));
        return tokens;
    }

    /** Counts against the account (burst detection) and the (account, address) pair (the lock). */
    private void fail(User user, Instant now) {
        boolean wasBursting = user.isLocked(now);
        user.recordFailedLogin(now, lockout);
        users.saveLoginState(user);
        throttle.failed(user, !wasBursting && user.isLocked(now), now);
    }

    /** A 6-digit TOTP code (not replayed), or else an unused recovery code, which is used up. */
    private boolean secondFactorAccepted(User user, String code, Instant now) {
        return SecondFactor.accepted(user, code, now, totp, cipher, recoveryCodes, audit);
    }

    @Override
    public IssuedTokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > MAX_SECRET_LENGTH) {
            throw AuthenticationException.tokenInvalid();
        }
        Instant now = clock.instant();
        RefreshToken token = sessionRepository.findByHash(SecretHashes.sha256(refreshToken.trim()))
                .orElseThrow(AuthenticationException::tokenInvalid);
        switch (token.present(sessionRepository.isFamilyRevoked(token.familyId()), now)) {
            case REUSED -> {
                revokeForReuse(token, now);
                throw AuthenticationException.refreshTokenReused();
            }
            case REVOKED -> throw AuthenticationException.tokenInvalid();
            case EXPIRED -> throw AuthenticationException.tokenExpired();
            case ROTATE -> {
                // Conditional update: of two concurrent uses of one token, only one rotates.
                if (!sessionRepository.markRotated(token.id(), now)) {
                    revokeForReuse(token, now);
                    throw AuthenticationException.refreshTokenReused();
                }
            }
        }
        User user = users.findById(token.userId()).orElseThrow(AuthenticationException::tokenInvalid);
        if (!user.canAuthenticate()) {
            sessions.revokeFamily(token.familyId(), "account_inactive", now);
            throw AuthenticationException.accountInactive();
        }
        return sessions.issueInFamily(user, token.familyId(), now);
    }

    private void revokeForReuse(RefreshToken token, Instant now) {
        if (sessions.revokeFamily(token.familyId(), "refresh_token_reuse", now)) {
            audit.record(AuditEvent.of("auth.session_revoked", "session", token.familyId())
                    .user(token.userId().value()).denied().detail("reason", "refresh_token_reuse"));
        }
    }

    @Override
    public void logout(AuthenticatedPrincipal principal) {
        if (principal.viaApiKey()) {
            throw AuthenticationException.forbidden("error.session_required", "This needs a login session, not an API key");
        }
        Instant now = clock.instant();
        sessions.revokeAccessToken(principal.tokenId(), principal.userId(), principal.tokenExpiresAt(), now);
        sessions.revokeFamily(principal.familyId(), "logout", now);
        audit.record(AuditEvent.of("auth.logout", "session", principal.familyId()));
    }
}
