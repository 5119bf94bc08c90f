package io.proxima.application.vm.port.in;

import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.out.FirewallRuleRepository.StoredRule;
import io.proxima.application.vm.port.out.FirewallRuleRepository.SyncState;
import io.proxima.domain.vm.FirewallRuleSpec;
import java.util.List;
import java.util.UUID;

/**
 * A VM's firewall rules (seed 001). The table is the desired state; every change is written to
 * the guest's PVE firewall after commit, and reconciliation finishes what a PVE failure left.
 */
public interface FirewallUseCase {

    List<StoredRule> list(UUID vmId, Actor actor);

    StoredRule create(UUID vmId, FirewallRuleSpec spec, Actor actor);

    StoredRule update(UUID ruleId, FirewallRuleSpec spec, Actor actor);

    void delete(UUID ruleId, Actor actor);

    /** Whether PVE holds the VM's current rules ({@code pending} after a failed write). */
    SyncState syncState(UUID vmId, Actor actor);

    /** Writes the rules of up to {@code limit} pending VMs to PVE; returns how many now agree. */
    int convergePending(int limit);
}
