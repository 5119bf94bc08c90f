package io.proxima.adapter.out.persistence.user;

import io.proxima.application.user.port.out.AttemptCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** {@code security_attempts}: one upsert per failure, so concurrent failures on any instance all count. */
@ApplicationScoped
public class AttemptCounterSql implements AttemptCounter {

    private static EntityManager em() {
        return UserEntity.getEntityManager();
    }

    @Override
    public int increment(String key, Instant now) {
        Object r = em().createNativeQuery("""
                INSERT INTO security_attempts (key, failures, updated_at) VALUES (?1, 1, ?2)
                ON CONFLICT (key) DO UPDATE SET
                    failures = CASE WHEN security_attempts.updated_at < ?3 THEN 1 ELSE security_attempts.failures + 1 END,
                    updated_at = ?2
                RETURNING failures""")
                .setParameter(1, key).setParameter(2, now).setParameter(3, now.minusSeconds(86_400)).getSingleResult();
        return ((Number) r).intValue();
    }

    @Override
    public void lockUntil(String key, Instant until) {
        em().createNativeQuery("UPDATE security_attempts SET locked_until = ?2 WHERE key = ?1")
                .setParameter(1, key).setParameter(2, until).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Instant> lockedUntil(String key) {
        List<Object> rows = em().createNativeQuery("SELECT locked_until FROM security_attempts WHERE key = ?1")
                .setParameter(1, key).getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return Optional.empty();
        }
        Object v = rows.get(0);
        if (v instanceof Instant i) {
            return Optional.of(i);
        }
        if (v instanceof OffsetDateTime o) {
            return Optional.of(o.toInstant());
        }
        if (v instanceof java.sql.Timestamp t) {
            return Optional.of(t.toInstant());
        }
        return Optional.of(OffsetDateTime.parse(v.toString()).withOffsetSameInstant(ZoneOffset.UTC).toInstant());
    }

    @Override
    public void clear(String key) {
        em().createNativeQuery("DELETE FROM security_attempts WHERE key = ?1").setParameter(1, key).executeUpdate();
    }

    @Override
    public int purge(Instant before) {
        return em().createNativeQuery("DELETE FROM security_attempts WHERE updated_at < ?1 AND (locked_until IS NULL OR locked_until < ?1)")
                .setParameter(1, before).executeUpdate();
    }
}
