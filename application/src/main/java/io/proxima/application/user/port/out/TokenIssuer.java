package io.proxima.application.user.port.out;

import io.proxima.domain.user.AuthenticationException;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/** Signs and verifies access JWTs ({@code sub} = user id, {@code groups} = role, {@code jti}, family id). */
public interface TokenIssuer {

    record AccessClaims(UUID jti, UserId userId, String username, Role role, UUID familyId, Instant issuedAt,
                        Instant expiresAt) {
    }

    String sign(AccessClaims claims);

    /**
     * Checks signature, algorithm, issuer and lifetime.
     *
     * @throws AuthenticationException {@code tokenExpired} or {@code tokenInvalid}
     */
    AccessClaims verify(String token);
}
