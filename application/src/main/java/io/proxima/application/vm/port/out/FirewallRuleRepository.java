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

    /** How far PVE is known to follow the table: applied below desired means a sync is owed. */
    record SyncState(long desired, long applied, String lastError, Instant lastAttemptAt) {

        public static final SyncState NONE = new SyncState(0, 0, null, null);

        public boolean pending() {
            return applied < desired;
        }
    }

    /**
     * Records that the VM's rules changed (in the caller's transaction) and returns the new desired
     * version. Locks the VM's sync row until commit, so concurrent changes to one VM's rules queue.
     */
    long changed(UUID vmId, Instant at);

    SyncState syncState(UUID vmId);

    /** A sync that started when the desired version was {@code version} went through. */
    void applied(UUID vmId, long version, Instant at);

    /** A sync failed; the VM stays pending. */
    void syncFailed(UUID vmId, String error, Instant at);

    /** VMs whose firewall PVE does not yet hold, least recently tried first. */
    List<UUID> pending(int limit);
}
