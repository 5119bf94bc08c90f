package io.proxima.application.user.port.out;

import io.proxima.domain.user.RefreshToken;
import io.proxima.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sessions: refresh-token families and their tokens, and revoked access-token ids. */
public interface SessionRepository {

    void createFamily(UUID familyId, UserId userId, Instant now);

    /** Inserts a new token. */
    void save(RefreshToken token);

    /** Marks the token rotated if it was not yet; false when another use got there first. */
    boolean markRotated(UUID tokenId, Instant now);

    Optional<RefreshToken> findByHash(String tokenHash);

    boolean isFamilyRevoked(UUID familyId);

    /** True when the family was active and is now revoked. */
    boolean revokeFamily(UUID familyId, String reason, Instant now);

    /** Revokes every active family of the user except {@code keep} (may be null); returns how many. */
    int revokeAllFamilies(UserId userId, UUID keep, String reason, Instant now);

    void revokeAccessToken(UUID jti, UserId userId, Instant expiresAt, Instant now);

    /**
     * One round trip: is this access token unusable because its id or family was revoked, or its
     * user is no longer active?
     */
    boolean isAccessRevoked(UUID jti, UUID familyId, UserId userId);

    /** Deletes expired tokens and revocation entries; returns the number of rows removed. */
    int purgeExpired(Instant now);
}
