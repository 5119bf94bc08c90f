package io.proxima.adapter.out.persistence.vm;

import io.proxima.application.vm.port.out.OperationRepository;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.VmId;
import io.proxima.adapter.out.persistence.shared.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OperationPanacheRepository implements OperationRepository {

    @Override
    public void insert(Operation operation) {
        OperationEntity e = new OperationEntity();
        OperationEntityMapper.copy(operation, e);
        e.version = 0;
        try {
            e.persistAndFlush();
        } catch (org.hibernate.exception.ConstraintViolationException race) {
            // vm_operations_one_active_uq: another request started an operation on this VM first.
            throw new StateConflictException("error.vm.busy", "The VM is busy with another operation", "busy");
        }
    }

    @Override
    public Optional<Operation> find(UUID id) {
        return OperationEntity.<OperationEntity>findByIdOptional(id).map(OperationEntityMapper::toDomain);
    }

    @Override
    public Optional<Operation> findActive(VmId vmId) {
        return OperationEntity.<OperationEntity>find("vmId = ?1 and status in ('pending', 'running')", vmId.value())
                .firstResultOptional().map(OperationEntityMapper::toDomain);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(String worker, Instant now, Instant leaseUntil, int limit) {
        var em = OperationEntity.getEntityManager();
        // SKIP LOCKED: concurrent claimers on other instances pass over rows being claimed here.
        List<UUID> ids = em.createNativeQuery("""
                SELECT id FROM vm_operations
                WHERE status IN ('pending', 'running')
                  AND (next_run_at IS NULL OR next_run_at <= ?1)
                  AND (lease_until IS NULL OR lease_until < ?1)
                ORDER BY next_run_at NULLS FIRST, created_at
                LIMIT ?2
                FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("UPDATE vm_operations SET lease_owner = ?1, lease_until = ?2 WHERE id = ANY(?3)")
                    .setParameter(1, worker).setParameter(2, leaseUntil).setParameter(3, ids.toArray(new UUID[0]))
                    .executeUpdate();
        }
        return ids;
    }

    @Override
    public boolean saveIfHeld(Operation o, String worker, Instant leaseUntil) {
        OperationEntity probe = new OperationEntity();
        OperationEntityMapper.copy(o, probe);
        var em = OperationEntity.getEntityManager();
        // A plain UPDATE guarded by the lease owner: no entity state, so nothing stale is cached.
        int rows = em.createNativeQuery("""
                UPDATE vm_operations SET status = ?2, steps = CAST(?3 AS jsonb), data = CAST(?4 AS jsonb),
                    current_step = ?5, compensating = ?6, error = CAST(?7 AS text),
                    next_run_at = CAST(?8 AS timestamptz), updated_at = ?9,
                    finished_at = CAST(?10 AS timestamptz), lease_until = ?11, version = version + 1
                WHERE id = ?1 AND lease_owner = ?12""")
                .setParameter(1, o.id())
                .setParameter(2, probe.status)
                .setParameter(3, Json.write(probe.steps))
                .setParameter(4, Json.write(probe.data))
                .setParameter(5, probe.currentStep)
                .setParameter(6, probe.compensating)
                .setParameter(7, probe.error)
                .setParameter(8, text(probe.nextRunAt))
                .setParameter(9, probe.updatedAt)
                .setParameter(10, text(probe.finishedAt))
                .setParameter(11, leaseUntil)
                .setParameter(12, worker)
                .executeUpdate();
        return rows == 1;
    }

    @Override
    public int renew(java.util.Collection<UUID> ids, String worker, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return 0;
        }
        return OperationEntity.getEntityManager().createNativeQuery(
                        "UPDATE vm_operations SET lease_until = ?1 WHERE id = ANY(?2) AND lease_owner = ?3")
                .setParameter(1, leaseUntil).setParameter(2, ids.toArray(new UUID[0])).setParameter(3, worker)
                .executeUpdate();
    }

    @Override
    public void release(UUID id, String worker) {
        OperationEntity.getEntityManager().createNativeQuery(
                        "UPDATE vm_operations SET lease_owner = NULL, lease_until = NULL WHERE id = ?1 AND lease_owner = ?2")
                .setParameter(1, id).setParameter(2, worker).executeUpdate();
    }

    // Nullable values travel as text and are cast in SQL: an untyped null cannot be bound.
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
