package io.proxima.application.vm.port.in;

import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.out.FirewallRuleRepository.StoredRule;
import io.proxima.domain.vm.FirewallRuleSpec;
import java.util.List;
import java.util.UUID;

/** A VM's firewall rules (seed 001); every change is written through to the guest's PVE firewall. */
public interface FirewallUseCase {

    List<StoredRule> list(UUID vmId, Actor actor);

    StoredRule create(UUID vmId, FirewallRuleSpec spec, Actor actor);

    StoredRule update(UUID ruleId, FirewallRuleSpec spec, Actor actor);

    void delete(UUID ruleId, Actor actor);
}
