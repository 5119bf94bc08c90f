package io.proxima.application.user.port.out;

import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/** One round trip each: is this login session, or this API key, still usable with this role? */
public interface LiveSessionCheck {

    /** The family exists and is not revoked, the token id is not revoked, the user is active with {@code role}. */
    boolean sessionLive(UUID tokenId, UUID familyId, UserId userId, Role role);

    /**
     * The account's current role when the family exists and is not revoked, the token id is not
     * revoked and the user is active; empty otherwise. The role is the account's, not the token's.
     */
    java.util.Optional<Role> sessionRole(UUID tokenId, UUID familyId, UserId userId);

    /** The key exists, is enabled and unexpired at {@code now}, its owner is active with {@code role}. */
    boolean apiKeyLive(UUID apiKeyId, UserId userId, Role role, Instant now);
}
