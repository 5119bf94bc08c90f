package io.proxima.adapter.out.persistence.vm;

import io.proxima.application.vm.port.out.FirewallRuleRepository;
import io.proxima.domain.vm.FirewallRuleSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FirewallRulePanacheRepository implements FirewallRuleRepository {

    @Override
    public List<StoredRule> list(UUID vmId) {
        return FirewallRuleEntity.<FirewallRuleEntity>list("vmId = ?1 order by position, createdAt", vmId).stream()
                .map(FirewallRulePanacheRepository::toDomain).toList();
    }

    @Override
    public Optional<StoredRule> find(UUID ruleId) {
        return FirewallRuleEntity.<FirewallRuleEntity>findByIdOptional(ruleId).map(FirewallRulePanacheRepository::toDomain);
    }

    @Override
    public void insert(StoredRule rule) {
        FirewallRuleEntity e = new FirewallRuleEntity();
        copy(rule, e);
        e.persist();
    }

    @Override
    public void update(StoredRule rule) {
        FirewallRuleEntity e = FirewallRuleEntity.findById(rule.id());
        copy(rule, e);
    }

    @Override
    public void delete(UUID ruleId) {
        FirewallRuleEntity.deleteById(ruleId);
    }

    @Override
    public long changed(UUID vmId, Instant at) {
        Number v = (Number) FirewallRuleEntity.getEntityManager().createNativeQuery("""
                INSERT INTO vm_firewall_sync (vm_id, desired_version, applied_version, updated_at)
                VALUES (?1, 1, 0, ?2)
                ON CONFLICT (vm_id) DO UPDATE SET desired_version = vm_firewall_sync.desired_version + 1, updated_at = ?2
                RETURNING desired_version""")
                .setParameter(1, vmId).setParameter(2, at).getSingleResult();
        return v.longValue();
    }

    @Override
    public SyncState syncState(UUID vmId) {
        List<?> rows = FirewallRuleEntity.getEntityManager().createNativeQuery("""
                SELECT desired_version, applied_version, last_error, last_attempt_at FROM vm_firewall_sync WHERE vm_id = ?1""")
                .setParameter(1, vmId).getResultList();
        if (rows.isEmpty()) {
            return SyncState.NONE;
        }
        Object[] r = (Object[]) rows.get(0);
        return new SyncState(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], instant(r[3]));
    }

    @Override
    public void applied(UUID vmId, long version, Instant at) {
        FirewallRuleEntity.getEntityManager().createNativeQuery("""
                UPDATE vm_firewall_sync SET applied_version = GREATEST(applied_version, ?2), last_error = NULL,
                       last_attempt_at = ?3, updated_at = ?3
                 WHERE vm_id = ?1""")
                .setParameter(1, vmId).setParameter(2, version).setParameter(3, at).executeUpdate();
    }

    @Override
    public void syncFailed(UUID vmId, String error, Instant at) {
        FirewallRuleEntity.getEntityManager().createNativeQuery("""
                UPDATE vm_firewall_sync SET last_error = ?2, last_attempt_at = ?3, updated_at = ?3 WHERE vm_id = ?1""")
                .setParameter(1, vmId).setParameter(2, error == null ? null : error.substring(0, Math.min(error.length(), 2000)))
                .setParameter(3, at).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> pending(int limit) {
        return ((List<Object>) FirewallRuleEntity.getEntityManager().createNativeQuery("""
                SELECT vm_id FROM vm_firewall_sync WHERE applied_version < desired_version
                 ORDER BY last_attempt_at NULLS FIRST LIMIT ?1""")
                .setParameter(1, limit).getResultList()).stream().map(o -> (UUID) o).toList();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }

    private static StoredRule toDomain(FirewallRuleEntity e) {
        return new StoredRule(e.id, e.vmId, new FirewallRuleSpec(e.direction, e.action, e.protocol, e.port, e.source,
                e.destination, e.enabled, e.position, e.comment), e.createdAt, e.updatedAt);
    }

    private static void copy(StoredRule r, FirewallRuleEntity e) {
        FirewallRuleSpec s = r.spec();
        e.id = r.id();
        e.vmId = r.vmId();
        e.position = s.position();
        e.direction = s.direction();
        e.action = s.action();
        e.protocol = s.protocol();
        e.port = s.port();
        e.source = s.source();
        e.destination = s.destination();
        e.enabled = s.enabled();
        e.comment = s.comment();
        e.createdAt = r.createdAt();
        e.updatedAt = r.updatedAt();
    }
}
