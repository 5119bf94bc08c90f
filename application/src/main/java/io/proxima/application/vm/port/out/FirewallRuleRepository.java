package io.proxima.application.vm.port.out;

import io.proxima.domain.vm.FirewallRuleSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Customers' firewall rules, Proxima's source of truth for what PVE must hold. */
public interface FirewallRuleRepository {

    record StoredRule(UUID id, UUID vmId, FirewallRuleSpec spec, Instant createdAt, Instant updatedAt) {
    }

    List<StoredRule> list(UUID vmId);

    Optional<StoredRule> find(UUID ruleId);

    void insert(StoredRule rule);

    void update(StoredRule rule);

    void delete(UUID ruleId);
}
