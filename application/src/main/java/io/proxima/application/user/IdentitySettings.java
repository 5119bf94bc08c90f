package io.proxima.application.user;

import java.time.Duration;

/**
 * Tunables of identity and access, produced from configuration by the bootstrap module.
 *
 * @param accessTokenTtl        lifetime of access JWTs (1 h)
 * @param refreshTokenTtl       lifetime of each refresh token (7 d)
 * @param lockoutMaxFailures    consecutive failed logins before the account is locked
 * @param lockoutDuration       first lock; doubles with each further failure
 * @param revocationCacheTtl    how long a revocation lookup is trusted on one instance
 * @param totpIssuer            issuer shown in authenticator apps
 */
public record IdentitySettings(Duration accessTokenTtl, Duration refreshTokenTtl, int lockoutMaxFailures,
                               Duration lockoutDuration, Duration revocationCacheTtl, String totpIssuer) {

    public static IdentitySettings defaults() {
        return new IdentitySettings(Duration.ofHours(1), Duration.ofDays(7), 5, Duration.ofMinutes(15),
                Duration.ofSeconds(5), "Proxima");
    }
}
