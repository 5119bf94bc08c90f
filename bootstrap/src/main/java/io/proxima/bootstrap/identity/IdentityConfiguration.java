package io.proxima.bootstrap.identity;

import io.proxima.application.user.IdentitySettings;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires configuration into the framework-free application layer. */
@ApplicationScoped
public class IdentityConfiguration {

    @ConfigProperty(name = "proxima.auth.access-token-ttl", defaultValue = "1h")
    Duration accessTokenTtl;

    @ConfigProperty(name = "proxima.auth.refresh-token-ttl", defaultValue = "7d")
    Duration refreshTokenTtl;

    @ConfigProperty(name = "proxima.auth.lockout.max-failures", defaultValue = "5")
    int lockoutMaxFailures;

    @ConfigProperty(name = "proxima.auth.lockout.duration", defaultValue = "15m")
    Duration lockoutDuration;

    @ConfigProperty(name = "proxima.auth.revocation-cache-ttl", defaultValue = "5s")
    Duration revocationCacheTtl;

    @ConfigProperty(name = "proxima.auth.totp-issuer", defaultValue = "Proxima")
    String totpIssuer;

    @Produces
    @Singleton
    IdentitySettings identitySettings() {
        return new IdentitySettings(accessTokenTtl, refreshTokenTtl, lockoutMaxFailures, lockoutDuration,
                revocationCacheTtl, totpIssuer);
    }

    /** The one clock of the application (tests replace it to move time). */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
