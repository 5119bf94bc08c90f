package io.proxima.application.user.port.in;

/** Turns credentials presented on a request into a principal; called on every authenticated request. */
public interface AuthenticateUseCase {

    /** Verifies the JWT and checks revocation (cached briefly per instance). */
    AuthenticatedPrincipal bearer(String accessToken);

    /**
     * The principal of an access token verified and found unrevoked within the cache period, from
     * memory only (no I/O, no signature check): lets the HTTP layer skip a thread switch.
     */
    java.util.Optional<AuthenticatedPrincipal> cachedBearer(String accessToken);

    /** Checks the key's hash, enablement, expiry, allow-list and owner. */
    AuthenticatedPrincipal apiKey(String key, String clientIp);
}
