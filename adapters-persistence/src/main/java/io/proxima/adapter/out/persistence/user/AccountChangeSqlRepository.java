package io.proxima.adapter.out.persistence.user;

import io.proxima.application.user.port.out.AccountChangeRepository;
import io.proxima.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code account_change_undo}: a token is used by one conditional UPDATE ... RETURNING. */
@ApplicationScoped
public class AccountChangeSqlRepository implements AccountChangeRepository {

    private static EntityManager em() {
        return UserEntity.getEntityManager();
    }

    @Override
    public void insert(String tokenHash, UserId userId, String kind, String oldEmail, String oldPhone,
                       Instant expiresAt, Instant now) {
        em().createNativeQuery("""
                INSERT INTO account_change_undo (token_hash, user_id, kind, old_email, old_phone, created_at, expires_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, tokenHash).setParameter(2, userId.value()).setParameter(3, kind)
                .setParameter(4, oldEmail).setParameter(5, oldPhone).setParameter(6, now).setParameter(7, expiresAt)
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Undo> consume(String tokenHash, Instant now) {
        List<Object[]> rows = em().createNativeQuery("""
                UPDATE account_change_undo SET used_at = ?2
                WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2
                RETURNING user_id, kind, old_email, old_phone""")
                .setParameter(1, tokenHash).setParameter(2, now).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new Undo(new UserId((UUID) r[0]), (String) r[1], (String) r[2], (String) r[3]));
    }

    @Override
    public int purgeExpired(Instant before) {
        return em().createNativeQuery("DELETE FROM account_change_undo WHERE expires_at < ?1").setParameter(1, before)
                .executeUpdate();
    }

    @Override
    public int consumeAll(UserId userId, Instant now) {
        return em().createNativeQuery("UPDATE account_change_undo SET used_at = ?2 WHERE user_id = ?1 AND used_at IS NULL")
                .setParameter(1, userId.value()).setParameter(2, now).executeUpdate();
    }
}
