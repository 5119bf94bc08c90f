package io.proxima.adapter.out.persistence.vm;

import io.proxima.application.vm.port.out.FirewallRuleRepository;
import io.proxima.domain.vm.FirewallRuleSpec;
import jakarta.enterprise.context.ApplicationScoped;
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
