package io.proxima.application.monitoring.service;

import io.proxima.application.monitoring.port.out.AlertStore;
import io.proxima.application.monitoring.port.out.MetricStore.Sample;
import io.proxima.application.node.service.NodeTransactions;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.in.VmQueryUseCase;
import io.proxima.application.vm.port.out.VmReadRepository.VmFilter;
import io.proxima.application.vm.port.out.VmReadRepository.VmView;
import io.proxima.domain.monitoring.Alert;
import io.proxima.domain.monitoring.AlertRule;
import io.proxima.domain.monitoring.ConditionState;
import io.proxima.domain.monitoring.ConditionState.Transition;
import io.proxima.domain.monitoring.Metric;
import io.proxima.domain.monitoring.RuleScope;
import io.proxima.domain.monitoring.Severity;
import io.proxima.domain.node.Node;
import io.proxima.domain.node.NodeStatus;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.vm.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates every enabled rule on a cycle's samples (hysteresis in {@link ConditionState}) and runs
 * the built-in checks that exist without configuration: node offline (from the heartbeat), a guest
 * that vanished from PVE (reconciliation), a provisioning or deletion that failed permanently.
 */
@ApplicationScoped
public class AlertEvaluationService {

    private static final Logger LOG = Logger.getLogger(AlertEvaluationService.class.getName());
    private static final Actor SYSTEM = new Actor(new UUID(0, 0), true);
    public static final String NODE_OFFLINE = "builtin.node_offline";
    public static final String VM_MISSING = "builtin.vm_missing";
    public static final String OPERATION_FAILED = "builtin.operation_failed";

    /** What PVE said about a guest this cycle. */
    public record GuestState(UUID vmId, UUID nodeId, String pveStatus) {
    }

    private final AlertStore store;
    private final AlertTransitions transitions;
    private final NodeTransactions nodes;
    private final VmQueryUseCase vms;

    @Inject
    public AlertEvaluationService(AlertStore store, AlertTransitions transitions, NodeTransactions nodes, VmQueryUseCase vms) {
        this.store = store;
        this.transitions = transitions;
        this.nodes = nodes;
        this.vms = vms;
    }

    public void evaluate(List<Sample> samples, List<GuestState> guests, Instant now) {
        Map<UUID, Sample> vmSamples = new HashMap<>();
        Map<UUID, Sample> nodeSamples = new HashMap<>();
        for (Sample s : samples) {
            ("vm".equals(s.resourceType()) ? vmSamples : nodeSamples).put(s.resourceId(), s);
        }
        Map<UUID, GuestState> guestById = new HashMap<>();
        guests.forEach(g -> guestById.put(g.vmId(), g));
        List<Node> nodeList = nodes.enabledNodes();
        for (AlertRule rule : rules()) {
            try {
                evaluateRule(rule, vmSamples, nodeSamples, guestById, nodeList, now);
            } catch (RuntimeException e) {
                // One broken rule (its VM deleted meanwhile ...) never stops the others.
                LOG.log(Level.WARNING, "alert rule " + rule.id() + " not evaluated", e);
            }
        }
        try {
            builtIns(nodeList, now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "built-in alert checks not evaluated", e);
        }
    }

    List<AlertRule> rules() {
        return store.enabledRules();
    }

    private void evaluateRule(AlertRule rule, Map<UUID, Sample> vmSamples, Map<UUID, Sample> nodeSamples,
                              Map<UUID, GuestState> guests, List<Node> nodeList, Instant now) {
        String key = rule.id().toString();
        Map<UUID, Target> targets = targets(rule, vmSamples, nodeList);
        Map<UUID, ConditionState> states = new HashMap<>(store.conditions(key));
        Map<UUID, ConditionState> changed = new HashMap<>();
        for (Target t : targets.values()) {
            Double value = value(rule.metric(), t, vmSamples, nodeSamples, guests, nodeList);
            ConditionState before = states.getOrDefault(t.id, ConditionState.idle());
            ConditionState.Step step = before.step(rule, value, now);
            if (step.transition() == Transition.TRIGGER) {
                UUID owner = t.ownerId;
                String name = t.name;
                if ("vm".equals(t.type) && owner == null) {
                    try {
                        VmView v = vms.get(t.id, SYSTEM);
                        owner = v.ownerId();
                        name = v.hostname();
                    } catch (NotFoundException gone) {
                        continue;
                    }
                }
                String type = rule.metric().wireName() + "_" + (rule.comparison().name().startsWith("G") ? "high" : "low");
                String message = String.format(java.util.Locale.ROOT, "%s %s %s %s (now %s)", rule.name(),
                        rule.metric().wireName(), rule.comparison().symbol(), fmt(rule.threshold()), fmt(value));
                transitions.trigger(Alert.trigger(rule.id(), key, type, rule.severity(), t.type, t.id,
                        "node".equals(t.type) ? t.id : t.nodeId, "vm".equals(t.type) ? t.id : null, owner, name, message,
                        value, rule.threshold(), now));
            } else if (step.transition() == Transition.RESOLVE) {
                transitions.resolveCleared(key, t.id, now);
            }
            if (!step.state().equals(before)) {
                changed.put(t.id, step.state());
            }
        }
        if (!changed.isEmpty()) {
            transitions.saveConditions(key, changed);
        }
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private record Target(String type, UUID id, UUID nodeId, UUID ownerId, String name) {
    }

    private Map<UUID, Target> targets(AlertRule rule, Map<UUID, Sample> vmSamples, List<Node> nodeList) {
        Map<UUID, Target> out = new LinkedHashMap<>();
        RuleScope scope = rule.scope();
        switch (scope.kind()) {
            case NODE -> nodeList.stream().filter(n -> n.id().equals(scope.targetId()))
                    .forEach(n -> out.put(n.id(), new Target("node", n.id(), n.id(), null, n.settings().name())));
            case ALL_NODES -> nodeList.forEach(n -> out.put(n.id(), new Target("node", n.id(), n.id(), null, n.settings().name())));
            case VM -> {
                Sample s = vmSamples.get(scope.targetId());
                out.put(scope.targetId(), new Target("vm", scope.targetId(), s == null ? null : s.nodeId(), null, null));
            }
            case ALL_VMS -> {
                if (rule.ownerId() == null) {
                    vmSamples.values().forEach(s -> out.put(s.resourceId(), new Target("vm", s.resourceId(), s.nodeId(), null, null)));
                } else {
                    for (VmView v : ownedVms(rule.ownerId())) {
                        Sample s = vmSamples.get(v.id());
                        out.put(v.id(), new Target("vm", v.id(), s == null ? v.nodeId() : s.nodeId(), v.ownerId(), v.hostname()));
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    private List<VmView> ownedVms(UUID ownerId) {
        List<VmView> out = new ArrayList<>();
        Actor owner = new Actor(ownerId, false);
        for (int page = 1; ; page++) {
            Page<VmView> p = vms.list(new VmFilter(ownerId, null, null, null, null, false),
                    new PageRequest(page, PageRequest.MAX_PER_PAGE), "created_at", owner);
            out.addAll(p.items());
            if (!p.hasNext()) {
                return out;
            }
        }
    }

    private static Double value(Metric metric, Target t, Map<UUID, Sample> vmSamples, Map<UUID, Sample> nodeSamples,
                                Map<UUID, GuestState> guests, List<Node> nodeList) {
        Sample s = ("vm".equals(t.type) ? vmSamples : nodeSamples).get(t.id);
        return switch (metric) {
            case CPU -> s == null ? null : s.cpu();
            case MEMORY -> s == null ? null : s.memoryPercent();
            case DISK -> s == null ? null : s.diskPercent();
            case NETWORK_IN -> s == null ? null : s.netInRate();
            case NETWORK_OUT -> s == null ? null : s.netOutRate();
            case NODE_OFFLINE -> nodeList.stream().filter(n -> n.id().equals(t.id)).findFirst()
                    .map(n -> n.status() == NodeStatus.OFFLINE ? 1.0 : 0.0).orElse(null);
            case VM_STOPPED -> {
                GuestState g = guests.get(t.id);
                yield g == null ? null : "running".equals(g.pveStatus()) ? 0.0 : 1.0;
            }
        };
    }

    // --- built-in checks -------------------------------------------------------------------

    private void builtIns(List<Node> nodeList, Instant now) {
        Map<UUID, Alert> openOffline = store.openAlerts(NODE_OFFLINE);
        for (Node n : nodeList) {
            boolean offline = n.status() == NodeStatus.OFFLINE;
            if (offline && !openOffline.containsKey(n.id())) {
                transitions.trigger(Alert.trigger(null, NODE_OFFLINE, "node_offline", Severity.CRITICAL, "node", n.id(),
                        n.id(), null, null, n.settings().name(), "Node " + n.settings().name() + " is offline (no heartbeat answer)",
                        1.0, null, now));
            } else if (!offline && openOffline.containsKey(n.id())) {
                transitions.resolveCleared(NODE_OFFLINE, n.id(), now);
            }
        }
        // Vanished guests: reconciliation marks their VMs error "missing in PVE".
        Map<UUID, Alert> openMissing = new HashMap<>(store.openAlerts(VM_MISSING));
        Set<UUID> stillMissing = new HashSet<>();
        Page<VmView> errored = vms.list(new VmFilter(null, null, "error", null, null, false),
                new PageRequest(1, PageRequest.MAX_PER_PAGE), "-created_at", SYSTEM);
        for (VmView v : errored.items()) {
            if (v.statusReason() == null || !v.statusReason().contains("missing")) {
                continue;
            }
            stillMissing.add(v.id());
            if (!openMissing.containsKey(v.id())) {
                transitions.trigger(Alert.trigger(null, VM_MISSING, "vm_missing", Severity.CRITICAL, "vm", v.id(), v.nodeId(),
                        v.id(), v.ownerId(), v.hostname(), "The guest of VM " + v.hostname() + " vanished from PVE", null,
                        null, now));
            }
        }
        for (UUID id : openMissing.keySet()) {
            if (!stillMissing.contains(id)) {
                transitions.resolveCleared(VM_MISSING, id, now);
            }
        }
        // Permanent failures of provisioning or deletion: alerted once per operation, resolved by hand.
        Map<UUID, ConditionState> seen = store.conditions(OPERATION_FAILED);
        Map<UUID, ConditionState> newlySeen = new HashMap<>();
        for (String type : List.of("provision", "delete")) {
            Page<Operation> failed = vms.operations(null, type, "failed", new PageRequest(1, PageRequest.MAX_PER_PAGE), SYSTEM);
            for (Operation op : failed.items()) {
                if (seen.containsKey(op.id()) || newlySeen.containsKey(op.id())) {
                    continue;
                }
                newlySeen.put(op.id(), new ConditionState(true, now, null));
                Optional<VmView> vm = Optional.empty();
                try {
                    vm = Optional.of(vms.get(op.vmId().value(), SYSTEM));
                } catch (NotFoundException ignored) {
                    // the VM row is gone: alert without its owner
                }
                UUID vmId = op.vmId().value();
                transitions.trigger(Alert.trigger(null, OPERATION_FAILED + ":" + op.id(), type + "_failed", Severity.CRITICAL,
                        "vm", vmId, vm.map(VmView::nodeId).orElse(null), vmId, vm.map(VmView::ownerId).orElse(null),
                        vm.map(VmView::hostname).orElse(null), "The " + type + " of VM " + vm.map(VmView::hostname).orElse(vmId.toString())
                                + " failed permanently: " + op.error(), null, null, now));
            }
        }
        if (!newlySeen.isEmpty()) {
            transitions.saveConditions(OPERATION_FAILED, newlySeen);
        }
    }
}
