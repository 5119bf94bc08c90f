package io.proxima.application.user.service;

import io.proxima.application.user.port.in.AuthenticateUseCase;
import io.proxima.application.user.port.in.AuthenticatedPrincipal;
import io.proxima.application.user.port.out.TokenIssuer;
import io.proxima.domain.user.AuthenticationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Authenticates every request. Verifying a JWT costs no I/O; whether it was revoked is asked of
 * the database at most once per token per cache period, so the common path stays in memory.
 */
@ApplicationScoped
public class AuthenticationService implements AuthenticateUseCase {

    /** API keys look like {@code pxk_<8 chars>_<secret>}; the first 12 characters are the stored prefix. */
    public static final String API_KEY_MARK = "pxk_";
    static final int PREFIX_LENGTH = io.proxima.domain.user.ApiKey.PREFIX_LENGTH;
    private static final String BEARER = "bearer:";

    private final TokenIssuer issuer;
    private final RevocationCache cache;
    /** Allowed clock difference between instances for {@code iat}. */
    static final java.time.Duration SKEW = java.time.Duration.ofSeconds(30);

    private final CredentialLookups lookups;
    private final io.proxima.application.user.IdentitySettings settings;
    private final java.time.Clock clock;

    @Inject
    public AuthenticationService(TokenIssuer issuer, RevocationCache cache, CredentialLookups lookups,
                                 io.proxima.application.user.IdentitySettings settings, java.time.Clock clock) {
        this.issuer = issuer;
        this.cache = cache;
        this.lookups = lookups;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public AuthenticatedPrincipal bearer(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 8192) {
            throw AuthenticationException.tokenInvalid();
        }
        Optional<AuthenticatedPrincipal> cached = cachedBearer(accessToken);
        if (cached.isPresent()) {
            return cached.get();
        }
        TokenIssuer.AccessClaims claims = issuer.verify(accessToken.trim());
        // A token from the future, or living longer than this product issues, was not made by it
        // (or was made with a leaked key): refuse it rather than trust its claims.
        Instant now = clock.instant();
        if (claims.issuedAt().isAfter(now.plus(SKEW))
                || java.time.Duration.between(claims.issuedAt(), claims.expiresAt()).compareTo(settings.accessTokenTtl().plus(SKEW)) > 0) {
            throw AuthenticationException.tokenInvalid();
        }
        // The role is the account's current one (the family must exist), not the token's claim.
        io.proxima.domain.user.Role role = lookups.sessionRole(claims.jti(), claims.familyId(), claims.userId())
                .orElseThrow(AuthenticationException::tokenInvalid);
        AuthenticatedPrincipal principal = new AuthenticatedPrincipal(claims.userId(), claims.username(), role,
                claims.jti(), claims.familyId(), claims.expiresAt(), null, null);
        // Verified and unrevoked: remembered for the cache period, keyed by the exact token text.
        cache.get(BEARER + accessToken, () -> principal);
        return principal;
    }

    @Override
    public Optional<AuthenticatedPrincipal> cachedBearer(String accessToken) {
        if (accessToken == null) {
            return Optional.empty();
        }
        Optional<AuthenticatedPrincipal> p = cache.peek(BEARER + accessToken);
        // A token that expired while cached goes through full verification (and fails as expired).
        return p.filter(x -> Instant.now().isBefore(x.tokenExpiresAt()));
    }

    @Override
    public AuthenticatedPrincipal apiKey(String key, String clientIp) {
        if (key == null || !key.startsWith(API_KEY_MARK) || key.length() < PREFIX_LENGTH + 2 || key.length() > 256) {
            throw AuthenticationException.tokenInvalid();
        }
        String k = key.trim();
        CredentialLookups.KeyCheck check = cache.get("key:" + k, () -> lookups.checkApiKey(k));
        return lookups.admit(check, clientIp);
    }
}
