package io.proxima.adapter.out.persistence.user;

import io.proxima.application.user.port.out.LiveSessionCheck;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/** Each answer is one indexed query (primary keys of users, families, keys, revoked tokens). */
@ApplicationScoped
public class LiveSessionSqlCheck implements LiveSessionCheck {

    private static EntityManager em() {
        return UserEntity.getEntityManager();
    }

    @Override
    public boolean sessionLive(UUID tokenId, UUID familyId, UserId userId, Role role) {
        Object r = em().createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM refresh_token_families f JOIN users u ON u.id = f.user_id
                               WHERE f.id = ?2 AND f.revoked_at IS NULL AND u.id = ?3
                                 AND u.status = 'active' AND u.role = ?4)
                   AND NOT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = ?1)""")
                .setParameter(1, tokenId).setParameter(2, familyId).setParameter(3, userId.value())
                .setParameter(4, role.code()).getSingleResult();
        return Boolean.TRUE.equals(r);
    }

    @Override
    @SuppressWarnings("unchecked")
    public java.util.Optional<Role> sessionRole(UUID tokenId, UUID familyId, UserId userId) {
        java.util.List<Object> rows = em().createNativeQuery("""
                SELECT u.role FROM refresh_token_families f JOIN users u ON u.id = f.user_id
                WHERE f.id = ?2 AND f.revoked_at IS NULL AND u.id = ?3 AND u.status = 'active'
                  AND NOT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = ?1)""")
                .setParameter(1, tokenId).setParameter(2, familyId).setParameter(3, userId.value()).getResultList();
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Role.fromCode("role", (String) rows.get(0)));
    }

    @Override
    public boolean apiKeyLive(UUID apiKeyId, UserId userId, Role role, Instant now) {
        Object r = em().createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM api_keys k JOIN users u ON u.id = k.user_id
                               WHERE k.id = ?1 AND k.enabled AND (k.expires_at IS NULL OR k.expires_at > ?4)
                                 AND u.id = ?2 AND u.status = 'active' AND u.role = ?3)""")
                .setParameter(1, apiKeyId).setParameter(2, userId.value()).setParameter(3, role.code())
                .setParameter(4, now).getSingleResult();
        return Boolean.TRUE.equals(r);
    }
}
