package io.proxima.adapter.out.persistence.vm;

import io.proxima.application.user.port.in.SessionValidityUseCase.SessionRef;
import io.proxima.application.vm.port.out.ConsoleTokenRepository;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@code vm_console_tokens}: a ticket is consumed by one conditional UPDATE ... RETURNING. */
@ApplicationScoped
public class ConsoleTokenSqlRepository implements ConsoleTokenRepository {

    private static EntityManager em() {
        return VmEntity.getEntityManager();
    }

    @Override
    public void insert(String tokenHash, Purpose purpose, UUID vmId, UUID userId, boolean admin, SessionRef session,
                       Instant expiresAt, Instant now) {
        em().createNativeQuery("""
                INSERT INTO vm_console_tokens (token_hash, vm_id, user_id, admin, expires_at, created_at, purpose,
                                               role, token_id, family_id, api_key_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, tokenHash).setParameter(2, vmId).setParameter(3, userId).setParameter(4, admin)
                .setParameter(5, expiresAt).setParameter(6, now).setParameter(7, purpose.name().toLowerCase(Locale.ROOT))
                .setParameter(8, session == null ? null : session.role().code())
                .setParameter(9, session == null ? null : session.tokenId())
                .setParameter(10, session == null ? null : session.familyId())
                .setParameter(11, session == null ? null : session.apiKeyId())
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Holder> consume(String tokenHash, Purpose purpose, UUID vmId, Instant now) {
        List<Object[]> rows = em().createNativeQuery("""
                UPDATE vm_console_tokens SET used_at = ?3
                WHERE token_hash = ?1 AND vm_id = ?2 AND used_at IS NULL AND expires_at > ?3 AND purpose = ?4
                RETURNING user_id, admin, role, token_id, family_id, api_key_id""")
                .setParameter(1, tokenHash).setParameter(2, vmId).setParameter(3, now)
                .setParameter(4, purpose.name().toLowerCase(Locale.ROOT)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        UUID user = (UUID) r[0];
        // Tickets from before the session was recorded carry no role: they cannot be re-checked, so they are refused.
        SessionRef session = r[2] == null ? null
                : new SessionRef(new UserId(user), Role.fromCode("role", (String) r[2]), (UUID) r[3], (UUID) r[4], (UUID) r[5]);
        return Optional.of(new Holder(user, (Boolean) r[1], session));
    }

    @Override
    public int deleteExpired(Instant before) {
        return em().createNativeQuery("DELETE FROM vm_console_tokens WHERE expires_at < ?1")
                .setParameter(1, before).executeUpdate();
    }
}
