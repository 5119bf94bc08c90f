package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.port.out.FirewallOptions;
import io.proxima.application.hypervisor.port.out.FirewallRule;
import io.proxima.application.hypervisor.port.out.FirewallRules;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.vm.port.in.FirewallUseCase;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.out.FirewallRuleRepository;
import io.proxima.application.vm.port.out.FirewallRuleRepository.StoredRule;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.vm.FirewallRuleSpec;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Rules live in Proxima's table; after each change the guest's Proxima-made PVE rules (comment
 * {@code proxima:<id>}) are replaced by the current set, in order, so PVE converges on the table
 * whatever happened before. The guest firewall and its NIC flag are switched on with the first rule.
 */
@ApplicationScoped
public class FirewallService implements FirewallUseCase {

    static final String COMMENT_PREFIX = "proxima:";

    private final FirewallRuleRepository rules;
    private final VmRepository vms;
    private final Hypervisor hypervisor;
    private final NodeDirectory nodes;
    private final Clock clock;
    private final VmAudit audit;

    @Inject
    public FirewallService(FirewallRuleRepository rules, VmRepository vms, Hypervisor hypervisor, NodeDirectory nodes, Clock clock,
                           VmAudit audit) {
        this.audit = audit;
        this.rules = rules;
        this.vms = vms;
        this.hypervisor = hypervisor;
        this.nodes = nodes;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<StoredRule> list(UUID vmId, Actor actor) {
        VmAccess.load(vms, new VmId(vmId), actor);
        return rules.list(vmId);
    }

    @Override
    public StoredRule create(UUID vmId, FirewallRuleSpec spec, Actor actor) {
        StoredRule rule = insert(vmId, spec, actor);
        var record = VmAudit.event("vm.firewall.create", vm(vmId)).detail("rule_id", rule.id());
        return audit.around(record, () -> {
            sync(vmId);
            return rule;
        });
    }

    @Override
    public StoredRule update(UUID ruleId, FirewallRuleSpec spec, Actor actor) {
        StoredRule rule = change(ruleId, spec, actor);
        var record = VmAudit.event("vm.firewall.update", vm(rule.vmId())).detail("rule_id", ruleId);
        return audit.around(record, () -> {
            sync(rule.vmId());
            return rule;
        });
    }

    @Override
    public void delete(UUID ruleId, Actor actor) {
        UUID vmId = remove(ruleId, actor);
        var record = VmAudit.event("vm.firewall.delete", vm(vmId)).detail("rule_id", ruleId);
        audit.around(record, () -> {
            sync(vmId);
            return null;
        });
    }

    @Transactional
    StoredRule insert(UUID vmId, FirewallRuleSpec spec, Actor actor) {
        Vm vm = requireInPve(VmAccess.load(vms, new VmId(vmId), actor));
        List<StoredRule> existing = rules.list(vmId);
        if (existing.size() >= FirewallRuleSpec.MAX_RULES) {
            throw new ConflictException("error.firewall.limit", "At most " + FirewallRuleSpec.MAX_RULES + " rules per VM");
        }
        StoredRule rule = new StoredRule(UUID.randomUUID(), vm.id().value(), spec, clock.instant(), clock.instant());
        rules.insert(rule);
        return rule;
    }

    @Transactional
    StoredRule change(UUID ruleId, FirewallRuleSpec spec, Actor actor) {
        StoredRule current = rules.find(ruleId).orElseThrow(() -> new NotFoundException("Firewall rule", ruleId));
        requireInPve(VmAccess.load(vms, new VmId(current.vmId()), actor));
        StoredRule updated = new StoredRule(ruleId, current.vmId(), spec, current.createdAt(), clock.instant());
        rules.update(updated);
        return updated;
    }

    @Transactional
    UUID remove(UUID ruleId, Actor actor) {
        StoredRule current = rules.find(ruleId).orElseThrow(() -> new NotFoundException("Firewall rule", ruleId));
        VmAccess.load(vms, new VmId(current.vmId()), actor);
        rules.delete(ruleId);
        return current.vmId();
    }

    @Transactional
    List<StoredRule> current(UUID vmId) {
        return rules.list(vmId);
    }

    @Transactional
    Vm vm(UUID vmId) {
        return vms.find(new VmId(vmId)).orElseThrow(() -> new NotFoundException("VM", vmId));
    }

    /** Writes the table's rules for the VM into PVE (outside any transaction). */
    void sync(UUID vmId) {
        Vm vm = vm(vmId);
        if (vm.placement().map(Placement::vmid).isEmpty()) {
            return;
        }
        List<StoredRule> desired = new ArrayList<>(current(vmId));
        PveNodeConnection conn = nodes.target(vm.placement().orElseThrow().nodeId()).connection();
        GuestRef guest = guest(vm);
        Guests.requireOwned(hypervisor, conn, guest, vm.id().value()); // never filter a stranger's guest
        if (!desired.isEmpty()) {
            FirewallOptions options = hypervisor.firewallOptions(conn, guest);
            if (!options.enabled()) {
                hypervisor.setFirewallOptions(conn, guest, new FirewallOptions(true, options.policyIn(), options.policyOut(),
                        options.ipFilter(), options.macFilter(), null));
            }
            hypervisor.setNicFirewall(conn, guest, 0, true)
                    .ifPresent(upid -> hypervisor.awaitTask(conn, upid, Duration.ofMinutes(2)));
        }
        FirewallRules inPve = hypervisor.firewallRules(conn, guest);
        List<FirewallRule> ours = inPve.rules().stream()
                .filter(r -> r.comment() != null && r.comment().startsWith(COMMENT_PREFIX))
                .sorted(Comparator.comparing(FirewallRule::pos).reversed())
                .toList();
        // Highest position first, so the positions still to delete do not shift.
        for (FirewallRule r : ours) {
            hypervisor.deleteFirewallRule(conn, guest, r.pos(), null);
        }
        // PVE inserts at the top: add the last rule first to end with the table's order.
        desired.sort(Comparator.comparingInt((StoredRule r) -> r.spec().position()).thenComparing(StoredRule::createdAt).reversed());
        for (StoredRule r : desired) {
            FirewallRuleSpec s = r.spec();
            hypervisor.addFirewallRule(conn, guest, new FirewallRule(null, s.pveDirection(), s.pveAction(), s.enabled(),
                    s.source(), s.destination(), s.pveProtocol(), s.port(), null, null, null, COMMENT_PREFIX + r.id()), null);
        }
    }

    private static Vm requireInPve(Vm vm) {
        if (vm.placement().map(Placement::vmid).isEmpty()) {
            throw new StateConflictException("error.vm.not_in_pve", "The VM has no guest in PVE yet", vm.status().wireName());
        }
        return vm;
    }

    private static GuestRef guest(Vm vm) {
        Placement p = vm.placement().orElseThrow();
        return Guests.at(vm, p.pveNode(), p.vmid());
    }
}
