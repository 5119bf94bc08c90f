package io.proxima.adapter.out.persistence.user;

import io.proxima.application.user.port.out.SessionRepository;
import io.proxima.domain.user.RefreshToken;
import io.proxima.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SessionPanacheRepository implements SessionRepository {

    private static EntityManager em() {
        return RefreshTokenEntity.getEntityManager();
    }

    @Override
    public void createFamily(UUID familyId, UserId userId, Instant now) {
        RefreshTokenFamilyEntity e = new RefreshTokenFamilyEntity();
        e.id = familyId;
        e.userId = userId.value();
        e.createdAt = now;
        e.persist();
    }

    @Override
    public void save(RefreshToken t) {
        RefreshTokenEntity e = new RefreshTokenEntity();
        e.id = t.id();
        e.familyId = t.familyId();
        e.userId = t.userId().value();
        e.tokenHash = t.tokenHash();
        e.issuedAt = t.issuedAt();
        e.expiresAt = t.expiresAt();
        e.rotatedAt = t.rotatedAt();
        e.persist();
    }

    @Override
    public boolean markRotated(UUID tokenId, Instant now) {
        em().flush();
        return em().createNativeQuery("UPDATE refresh_tokens SET rotated_at = ?1 WHERE id = ?2 AND rotated_at IS NULL")
                .setParameter(1, now).setParameter(2, tokenId).executeUpdate() == 1;
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return RefreshTokenEntity.<RefreshTokenEntity>find("tokenHash", tokenHash).firstResultOptional()
                .map(e -> new RefreshToken(e.id, e.familyId, new UserId(e.userId), e.tokenHash, e.issuedAt, e.expiresAt,
                        e.rotatedAt));
    }

    @Override
    public boolean isFamilyRevoked(UUID familyId) {
        return RefreshTokenFamilyEntity.count("id = ?1 and revokedAt is not null", familyId) > 0;
    }

    @Override
    public boolean revokeFamily(UUID familyId, String reason, Instant now) {
        em().flush();
        return em().createNativeQuery("""
                UPDATE refresh_token_families SET revoked_at = ?1, revoke_reason = ?2
                WHERE id = ?3 AND revoked_at IS NULL""")
                .setParameter(1, now).setParameter(2, reason).setParameter(3, familyId).executeUpdate() == 1;
    }

    @Override
    public int revokeAllFamilies(UserId userId, UUID keep, String reason, Instant now) {
        em().flush();
        return em().createNativeQuery("""
                UPDATE refresh_token_families SET revoked_at = ?1, revoke_reason = ?2
                WHERE user_id = ?3 AND revoked_at IS NULL AND (CAST(?4 AS uuid) IS NULL OR id <> CAST(?4 AS uuid))""")
                .setParameter(1, now).setParameter(2, reason).setParameter(3, userId.value())
                .setParameter(4, keep == null ? null : keep.toString()).executeUpdate();
    }

    @Override
    public void revokeAccessToken(UUID jti, UserId userId, Instant expiresAt, Instant now) {
        em().createNativeQuery("""
                INSERT INTO revoked_access_tokens (jti, user_id, expires_at, revoked_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (jti) DO NOTHING""")
                .setParameter(1, jti).setParameter(2, userId.value()).setParameter(3, expiresAt).setParameter(4, now)
                .executeUpdate();
    }

    @Override
    public boolean isAccessRevoked(UUID jti, UUID familyId, UserId userId) {
        Object r = em().createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = ?1)
                    OR EXISTS (SELECT 1 FROM refresh_token_families WHERE id = ?2 AND revoked_at IS NOT NULL)
                    OR NOT EXISTS (SELECT 1 FROM users WHERE id = ?3 AND status = 'active')""")
                .setParameter(1, jti).setParameter(2, familyId).setParameter(3, userId.value()).getSingleResult();
        return Boolean.TRUE.equals(r);
    }

    @Override
    public int purgeExpired(Instant now) {
        int n = em().createNativeQuery("DELETE FROM revoked_access_tokens WHERE expires_at < ?1")
                .setParameter(1, now).executeUpdate();
        // A family is finished when none of its tokens can be used any more.
        n += em().createNativeQuery("""
                DELETE FROM refresh_token_families f WHERE NOT EXISTS (
                    SELECT 1 FROM refresh_tokens t WHERE t.family_id = f.id AND t.expires_at >= ?1)
                  AND f.created_at < ?1""")
                .setParameter(1, now).executeUpdate();
        return n;
    }
}
