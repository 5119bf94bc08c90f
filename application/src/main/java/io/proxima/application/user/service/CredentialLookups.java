package io.proxima.application.user.service;

import io.proxima.application.user.port.in.AuthenticatedPrincipal;
import io.proxima.application.user.port.out.ApiKeyRepository;
import io.proxima.application.user.port.out.SessionRepository;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.shared.ErrorCode;
import io.proxima.domain.user.ApiKey;
import io.proxima.domain.user.AuthenticationException;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The database side of authentication, in its own transactions, called only on cache misses. */
@ApplicationScoped
public class CredentialLookups {

    /** The outcome of looking a key up: usable (with its owner) or the reason it is not. */
    public record KeyCheck(ApiKey key, User owner, ErrorCode failure) {
    }

    private final SessionRepository sessions;
    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final Clock clock;
    private final io.proxima.application.user.port.out.LiveSessionCheck live;

    @Inject
    public CredentialLookups(SessionRepository sessions, ApiKeyRepository keys, UserRepository users, Clock clock,
                             io.proxima.application.user.port.out.LiveSessionCheck live) {
        this.live = live;
        this.sessions = sessions;
        this.keys = keys;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public boolean isAccessRevoked(UUID jti, UUID familyId, UserId userId) {
        return sessions.isAccessRevoked(jti, familyId, userId);
    }

    /**
     * The account's current role if the session is usable: its family exists and is unrevoked, the
     * token id is unrevoked, the user active. Empty means refuse.
     */
    @Transactional
    public java.util.Optional<io.proxima.domain.user.Role> sessionRole(UUID jti, UUID familyId, UserId userId) {
        return live.sessionRole(jti, familyId, userId);
    }

    @Transactional
    public KeyCheck checkApiKey(String secret) {
        ApiKey key = keys.findByPrefix(secret.substring(0, AuthenticationService.PREFIX_LENGTH)).orElse(null);
        if (key == null || !key.matches(secret) || !key.enabled()) {
            return new KeyCheck(null, null, ErrorCode.TOKEN_INVALID);
        }
        User owner = users.findById(key.userId()).orElse(null);
        if (owner == null || !owner.canAuthenticate()) {
            return new KeyCheck(null, null, ErrorCode.TOKEN_INVALID);
        }
        Instant now = clock.instant();
        if (key.touch(now)) {
            keys.save(key);
        }
        return new KeyCheck(key, owner, null);
    }

    /** Checks what can change between two lookups (expiry, address) on every request. */
    AuthenticatedPrincipal admit(KeyCheck check, String clientIp) {
        if (check.failure() != null) {
            throw AuthenticationException.tokenInvalid();
        }
        ApiKey key = check.key();
        if (key.isExpired(clock.instant())) {
            throw AuthenticationException.tokenExpired();
        }
        if (!key.admits(clientIp)) {
            throw AuthenticationException.forbidden("error.api_key_ip", "This API key may not be used from this address");
        }
        User owner = check.owner();
        return new AuthenticatedPrincipal(owner.id(), owner.username(), owner.role(), null, null, key.expiresAt(),
                key.id(), key.scopes());
    }
}
