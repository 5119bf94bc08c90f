package io.proxima.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One refresh token of a session (a "family"). Only its hash is stored. Each use rotates it: the
 * token is marked rotated and a successor is issued in the same family.
 */
public final class RefreshToken {

    private final UUID id;
    private final UUID familyId;
    private final UserId userId;
    private final String tokenHash;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private Instant rotatedAt;

    public RefreshToken(UUID id, UUID familyId, UserId userId, String tokenHash, Instant issuedAt, Instant expiresAt,
                        Instant rotatedAt) {
        this.id = Objects.requireNonNull(id);
        this.familyId = Objects.requireNonNull(familyId);
        this.userId = Objects.requireNonNull(userId);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.rotatedAt = rotatedAt;
    }

    /** What presenting this token means (RFC 6819 5.2.2.3, OAuth 2.1 refresh token rotation). */
    public enum Outcome {
        /** Valid: rotate it and issue a successor. */
        ROTATE,
        /** Already rotated: someone replays an old token, so the whole family must be revoked. */
        REUSED,
        /** Past its lifetime. */
        EXPIRED,
        /** Its family was revoked (logout, reuse, password change, disabled account). */
        REVOKED
    }

    /**
     * Decides the outcome of presenting this token at {@code now}; a revoked family wins over
     * everything, reuse over expiry (a replayed token is an attack even when it is old).
     */
    public Outcome present(boolean familyRevoked, Instant now) {
        if (familyRevoked) {
            return Outcome.REVOKED;
        }
        if (rotatedAt != null) {
            return Outcome.REUSED;
        }
        if (!now.isBefore(expiresAt)) {
            return Outcome.EXPIRED;
        }
        return Outcome.ROTATE;
    }

    public void markRotated(Instant now) {
        if (rotatedAt != null) {
            throw new IllegalStateException("refresh token " + id + " was already rotated");
        }
        rotatedAt = now;
    }

    public UUID id() { return id; }
    public UUID familyId() { return familyId; }
    public UserId userId() { return userId; }
    public String tokenHash() { return tokenHash; }
    public Instant issuedAt() { return issuedAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant rotatedAt() { return rotatedAt; }
}
