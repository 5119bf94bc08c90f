package io.proxima.application.user.service;

import io.proxima.application.shared.AfterCommit;
import io.proxima.application.user.IdentitySettings;
import io.proxima.application.user.port.in.IssuedTokens;
import io.proxima.application.user.port.out.SessionRepository;
import io.proxima.application.user.port.out.TokenIssuer;
import io.proxima.domain.user.RefreshToken;
import io.proxima.domain.user.SecretHashes;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/** Issues token pairs and revokes sessions; shared by the services that log in, reset or disable. */
@ApplicationScoped
public class Sessions {

    private final SessionRepository repository;
    private final TokenIssuer issuer;
    private final IdentitySettings settings;
    private final RevocationCache cache;
    private final AfterCommit afterCommit;

    @Inject
    public Sessions(SessionRepository repository, TokenIssuer issuer, IdentitySettings settings, RevocationCache cache,
                    AfterCommit afterCommit) {
        this.repository = repository;
        this.issuer = issuer;
        this.settings = settings;
        this.cache = cache;
        this.afterCommit = afterCommit;
    }

    /** A new session: a new refresh family with its first token, and an access token in it. */
    public IssuedTokens open(User user, Instant now) {
        UUID family = UUID.randomUUID();
        repository.createFamily(family, user.id(), now);
        return issueInFamily(user, family, now);
    }

    public IssuedTokens issueInFamily(User user, UUID family, Instant now) {
        String refresh = RandomSecrets.token(32);
        repository.save(new RefreshToken(UUID.randomUUID(), family, user.id(), SecretHashes.sha256(refresh), now,
                now.plus(settings.refreshTokenTtl()), null));
        Instant expires = now.plus(settings.accessTokenTtl());
        String access = issuer.sign(new TokenIssuer.AccessClaims(UUID.randomUUID(), user.id(), user.username(),
                user.role(), family, now, expires));
        return new IssuedTokens(access, refresh, settings.accessTokenTtl().toSeconds(), user);
    }

    public boolean revokeFamily(UUID family, String reason, Instant now) {
        boolean revoked = repository.revokeFamily(family, reason, now);
        forgetCachedChecks();
        return revoked;
    }

    public int revokeAll(UserId user, UUID keep, String reason, Instant now) {
        int n = repository.revokeAllFamilies(user, keep, reason, now);
        forgetCachedChecks();
        return n;
    }

    public void revokeAccessToken(UUID jti, UserId user, Instant expiresAt, Instant now) {
        repository.revokeAccessToken(jti, user, expiresAt, now);
        forgetCachedChecks();
    }

    /** Now, and again after commit so a check racing with the commit cannot keep a stale answer. */
    public void forgetCachedChecks() {
        cache.invalidateAll();
        afterCommit.run(cache::invalidateAll);
    }
}
