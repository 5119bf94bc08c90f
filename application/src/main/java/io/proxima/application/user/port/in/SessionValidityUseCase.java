package io.proxima.application.user.port.in;

import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import java.util.UUID;

/**
 * Long-lived connections (console and metrics WebSockets) ask this again and again whether the
 * session that opened them is still alive: logged out, revoked, password changed or reset, user
 * disabled or deleted, role changed or key disabled all answer false. Always asks the database,
 * never the per-instance cache, so a revocation made on any instance is seen.
 */
public interface SessionValidityUseCase {

    /** The session or API key a connection was opened with, and the role it had then. */
    record SessionRef(UserId userId, Role role, UUID tokenId, UUID familyId, UUID apiKeyId) {

        public static SessionRef of(AuthenticatedPrincipal p) {
            return new SessionRef(p.userId(), p.role(), p.tokenId(), p.familyId(), p.apiKeyId());
        }
    }

    boolean stillValid(SessionRef session);
}
