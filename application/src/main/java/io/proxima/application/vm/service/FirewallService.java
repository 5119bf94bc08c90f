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
import io.proxima.application.vm.port.out.FirewallRuleRepository.SyncState;
import io.proxima.application.hypervisor.PveConfigModifiedException;
import io.proxima.domain.vm.FirewallOrder;
import io.proxima.domain.vm.VmStatus;
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
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.List;
import java.util.UUID;

/**
 * Rules live in Proxima's table, the desired state; PVE's Proxima-made rules (comment
 * {@code proxima:<id>}) are brought to it by difference: rules that should not be there are
 * deleted, changed ones rewritten in place, missing ones added, then the order fixed with the
 * fewest moves ({@link FirewallOrder}). Every write carries the digest read just before it, so a
 * concurrent edit makes PVE refuse instead of being overwritten; the plan is then made again.
 * Rules made by anyone else stay untouched. A change is committed with its audit record and a new
 * desired version; the sync after commit records the version it applied. When PVE fails midway,
 * the VM stays pending and reconciliation ({@link #convergePending}) finishes the job.
 */
@ApplicationScoped
public class FirewallService implements FirewallUseCase {

    private static final Logger LOG = Logger.getLogger(FirewallService.class.getName());
    static final String COMMENT_PREFIX = "proxima:";
    private static final int DIGEST_RETRIES = 3;

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
    @Transactional
    public SyncState syncState(UUID vmId, Actor actor) {
        VmAccess.load(vms, new VmId(vmId), actor);
        return rules.syncState(vmId);
    }

    @Override
    public StoredRule create(UUID vmId, FirewallRuleSpec spec, Actor actor) {
        StoredRule rule = insert(vmId, spec, actor);
        converge(vmId);
        return rule;
    }

    @Override
    public StoredRule update(UUID ruleId, FirewallRuleSpec spec, Actor actor) {
        StoredRule rule = change(ruleId, spec, actor);
        converge(rule.vmId());
        return rule;
    }

    @Override
    public void delete(UUID ruleId, Actor actor) {
        converge(remove(ruleId, actor));
    }

    @Override
    public int convergePending(int limit) {
        int done = 0;
        for (UUID vmId : pending(limit)) {
            if (converge(vmId)) {
                done++;
            }
        }
        return done;
    }

    @Transactional
    StoredRule insert(UUID vmId, FirewallRuleSpec spec, Actor actor) {
        Vm vm = requireInPve(VmAccess.load(vms, new VmId(vmId), actor));
        // The version bump locks this VM's sync row first: a concurrent insert waits here, so the
        // count below is never read by two transactions at once.
        rules.changed(vmId, clock.instant());
        List<StoredRule> existing = rules.list(vmId);
        if (existing.size() >= FirewallRuleSpec.MAX_RULES) {
            throw new ConflictException("error.firewall.limit", "At most " + FirewallRuleSpec.MAX_RULES + " rules per VM");
        }
        UUID id = UUID.randomUUID();
        List<UUID> order = FirewallOrder.place(existing.stream().map(StoredRule::id).toList(), id, spec.position());
        int index = order.indexOf(id);
        StoredRule rule = new StoredRule(id, vm.id().value(), spec.at(index), clock.instant(), clock.instant());
        renumber(existing, order);
        rules.insert(rule);
        audit.success(VmAudit.event("vm.firewall.create", vm).detail("rule_id", rule.id()));
        return rule;
    }

    @Transactional
    StoredRule change(UUID ruleId, FirewallRuleSpec spec, Actor actor) {
        StoredRule current = rules.find(ruleId).orElseThrow(() -> new NotFoundException("Firewall rule", ruleId));
        Vm vm = requireInPve(VmAccess.load(vms, new VmId(current.vmId()), actor));
        rules.changed(current.vmId(), clock.instant());
        List<StoredRule> existing = rules.list(current.vmId());
        List<UUID> ids = existing.stream().map(StoredRule::id).toList();
        List<UUID> order = FirewallOrder.place(ids, ruleId, spec.position() == null ? ids.indexOf(ruleId) : spec.position());
        StoredRule updated = new StoredRule(ruleId, current.vmId(), spec.at(order.indexOf(ruleId)), current.createdAt(), clock.instant());
        renumber(existing.stream().filter(r -> !r.id().equals(ruleId)).toList(), order);
        rules.update(updated);
        audit.success(VmAudit.event("vm.firewall.update", vm).detail("rule_id", ruleId));
        return updated;
    }

    @Transactional
    UUID remove(UUID ruleId, Actor actor) {
        StoredRule current = rules.find(ruleId).orElseThrow(() -> new NotFoundException("Firewall rule", ruleId));
        Vm vm = VmAccess.load(vms, new VmId(current.vmId()), actor);
        rules.changed(current.vmId(), clock.instant());
        rules.delete(ruleId);
        List<StoredRule> rest = rules.list(current.vmId()).stream().filter(r -> !r.id().equals(ruleId)).toList();
        renumber(rest, rest.stream().map(StoredRule::id).toList());
        audit.success(VmAudit.event("vm.firewall.delete", vm).detail("rule_id", ruleId));
        return current.vmId();
    }

    /** Stores each rule's index in {@code order} as its position where it changed (positions stay 0..n-1). */
    private void renumber(List<StoredRule> stored, List<UUID> order) {
        for (StoredRule r : stored) {
            int index = order.indexOf(r.id());
            if (index >= 0 && !Integer.valueOf(index).equals(r.spec().position())) {
                rules.update(new StoredRule(r.id(), r.vmId(), r.spec().at(index), r.createdAt(), r.updatedAt()));
            }
        }
    }

    @Transactional
    List<UUID> pending(int limit) {
        return rules.pending(limit);
    }

    @Transactional
    SyncState state(UUID vmId) {
        return rules.syncState(vmId);
    }

    @Transactional
    void applied(UUID vmId, long version) {
        rules.applied(vmId, version, clock.instant());
    }

    @Transactional
    void failed(UUID vmId, String error) {
        rules.syncFailed(vmId, error, clock.instant());
    }

    @Transactional
    List<StoredRule> current(UUID vmId) {
        return rules.list(vmId);
    }

    @Transactional
    Vm vm(UUID vmId) {
        return vms.find(new VmId(vmId)).orElseThrow(() -> new NotFoundException("VM", vmId));
    }

    /**
     * Brings PVE to the table for one VM, outside any transaction; never throws. Returns whether
     * PVE now holds the version that was desired when it started.
     */
    boolean converge(UUID vmId) {
        try {
            long version = state(vmId).desired();
            sync(vmId);
            applied(vmId, version);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "firewall of VM " + vmId + " not in PVE yet; reconciliation retries", e);
            try {
                failed(vmId, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (RuntimeException ignored) {
                // the database is away too: the row stays pending anyway
            }
            return false;
        }
    }

    /** Writes the table's rules for the VM into PVE (outside any transaction). */
    void sync(UUID vmId) {
        Vm vm = vm(vmId);
        if (vm.placement().map(Placement::vmid).isEmpty() || vm.status() == VmStatus.DELETED || vm.status() == VmStatus.DELETING) {
            return; // no guest to hold the rules (any more): nothing is owed
        }
        List<StoredRule> desired = current(vmId); // ordered by position, then creation
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
        for (int attempt = 1; ; attempt++) {
            try {
                apply(conn, guest, desired);
                return;
            } catch (PveConfigModifiedException someoneElseWrote) {
                if (attempt >= DIGEST_RETRIES) {
                    throw someoneElseWrote;
                }
            }
        }
    }

    /** One write per round, each against the digest just read, until PVE holds the desired list. */
    private void apply(PveNodeConnection conn, GuestRef guest, List<StoredRule> desired) {
        List<String> wanted = desired.stream().map(r -> r.id().toString()).toList();
        int budget = 4 * desired.size() + 60; // deletes + rewrites + adds + moves, and stray rules
        for (int round = 0; round < budget; round++) {
            FirewallRules inPve = hypervisor.firewallRules(conn, guest);
            String digest = inPve.digest();
            List<FirewallRule> ours = inPve.rules().stream().filter(r -> idOf(r) != null).toList();

            Optional<FirewallRule> stray = strayRule(ours, Set.copyOf(wanted));
            if (stray.isPresent()) {
                hypervisor.deleteFirewallRule(conn, guest, stray.get().pos(), digest);
                continue;
            }
            Optional<StoredRule> changed = desired.stream()
                    .filter(r -> ours.stream().anyMatch(p -> r.id().toString().equals(idOf(p)) && !same(p, toPve(r))))
                    .findFirst();
            if (changed.isPresent()) {
                int pos = ours.stream().filter(p -> changed.get().id().toString().equals(idOf(p))).findFirst().orElseThrow().pos();
                hypervisor.updateFirewallRule(conn, guest, pos, toPve(changed.get()), digest);
                continue;
            }
            Set<String> present = new HashSet<>(ours.stream().map(FirewallService::idOf).toList());
            Optional<StoredRule> missing = desired.stream().filter(r -> !present.contains(r.id().toString())).findFirst();
            if (missing.isPresent()) {
                hypervisor.addFirewallRule(conn, guest, toPve(missing.get()), digest);
                continue;
            }
            Optional<FirewallOrder.Move> move = FirewallOrder.next(ours.stream().map(FirewallService::idOf).toList(), wanted);
            if (move.isEmpty()) {
                return;
            }
            int from = posOf(ours, move.get().id());
            int anchor = posOf(ours, move.get().anchor());
            hypervisor.moveFirewallRule(conn, guest, from, move.get().before() ? anchor : anchor + 1, digest);
        }
        throw new IllegalStateException("firewall rules did not converge within " + budget + " writes");
    }

    /** A Proxima-made rule that is not (or no longer) in the table, or a second copy of one that is. */
    private static Optional<FirewallRule> strayRule(List<FirewallRule> ours, Set<String> wanted) {
        Set<String> seen = new HashSet<>();
        for (FirewallRule r : ours) {
            if (!wanted.contains(idOf(r)) || !seen.add(idOf(r))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static int posOf(List<FirewallRule> ours, String id) {
        return ours.stream().filter(r -> id.equals(idOf(r))).findFirst().orElseThrow().pos();
    }

    /** The table id a PVE rule was made for, or null for rules Proxima did not make. */
    static String idOf(FirewallRule r) {
        String c = r.comment();
        return c != null && c.startsWith(COMMENT_PREFIX) ? c.substring(COMMENT_PREFIX.length()).trim() : null;
    }

    private static FirewallRule toPve(StoredRule r) {
        FirewallRuleSpec s = r.spec();
        return new FirewallRule(null, s.pveDirection(), s.pveAction(), s.enabled(), s.source(), s.destination(), s.pveProtocol(),
                s.port(), null, null, null, COMMENT_PREFIX + r.id());
    }

    /** Whether PVE's rule filters like the wanted one (PVE may drop empty fields or change case). */
    static boolean same(FirewallRule inPve, FirewallRule wanted) {
        return Objects.equals(inPve.direction(), wanted.direction())
                && inPve.action().equalsIgnoreCase(wanted.action())
                && inPve.enabled() == wanted.enabled()
                && eq(inPve.source(), wanted.source()) && eq(inPve.dest(), wanted.dest())
                && eq(inPve.proto(), wanted.proto()) && eq(inPve.dport(), wanted.dport())
                && eq(inPve.sport(), wanted.sport()) && eq(inPve.macro(), wanted.macro()) && eq(inPve.iface(), wanted.iface());
    }

    private static boolean eq(String a, String b) {
        String x = a == null || a.isBlank() ? null : a.trim().toLowerCase(Locale.ROOT);
        String y = b == null || b.isBlank() ? null : b.trim().toLowerCase(Locale.ROOT);
        return Objects.equals(x, y);
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
