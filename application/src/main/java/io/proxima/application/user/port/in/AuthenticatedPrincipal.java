package io.proxima.application.user.port.in;

import io.proxima.domain.user.ApiKeyScope;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import java.util.Set;
import java.util.UUID;

/**
 * Who a request acts for: from an access JWT ({@code tokenId}, {@code familyId} set) or from an
 * API key ({@code apiKeyId} and {@code scopes} set).
 */
public record AuthenticatedPrincipal(UserId userId, String username, Role role, UUID tokenId, UUID familyId,
                                     java.time.Instant tokenExpiresAt, UUID apiKeyId, Set<ApiKeyScope> scopes) {

    public AuthenticatedPrincipal {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public boolean viaApiKey() {
        return apiKeyId != null;
    }

    /**
     * The role the request acts with: a key acts as an administrator only with the {@code admin}
     * scope; otherwise an administrator's key is an ordinary user's.
     */
    public Role effectiveRole() {
        if (viaApiKey() && role == Role.ADMIN && !scopes.contains(ApiKeyScope.ADMIN)) {
            return Role.USER;
        }
        return role;
    }
}
