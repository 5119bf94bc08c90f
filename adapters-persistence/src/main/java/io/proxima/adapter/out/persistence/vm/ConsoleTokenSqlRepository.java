package io.proxima.adapter.out.persistence.vm;

import io.proxima.application.vm.port.out.ConsoleTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code vm_console_tokens}: a token is consumed by one conditional UPDATE ... RETURNING. */
@ApplicationScoped
public class ConsoleTokenSqlRepository implements ConsoleTokenRepository {

    private static EntityManager em() {
        return VmEntity.getEntityManager();
    }

    @Override
    public void insert(String tokenHash, UUID vmId, UUID userId, boolean admin, Instant expiresAt, Instant now) {
        em().createNativeQuery("""
                INSERT INTO vm_console_tokens (token_hash, vm_id, user_id, admin, expires_at, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, tokenHash).setParameter(2, vmId).setParameter(3, userId).setParameter(4, admin)
                .setParameter(5, expiresAt).setParameter(6, now).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Holder> consume(String tokenHash, UUID vmId, Instant now) {
        List<Object[]> rows = em().createNativeQuery("""
                UPDATE vm_console_tokens SET used_at = ?3
                WHERE token_hash = ?1 AND vm_id = ?2 AND used_at IS NULL AND expires_at > ?3
                RETURNING user_id, admin""")
                .setParameter(1, tokenHash).setParameter(2, vmId).setParameter(3, now).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new Holder((UUID) r[0], (Boolean) r[1]));
    }

    @Override
    public int deleteExpired(Instant before) {
        return em().createNativeQuery("DELETE FROM vm_console_tokens WHERE expires_at < ?1")
                .setParameter(1, before).executeUpdate();
    }
}
