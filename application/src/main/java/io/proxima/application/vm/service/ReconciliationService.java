package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.PveException;
import io.proxima.application.hypervisor.port.out.ClusterResource;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.ResourceKind;
import io.proxima.application.node.service.NodeTransactions;
import io.proxima.application.shared.port.out.PeriodicJobs;
import io.proxima.application.vm.port.in.ReconciliationUseCase;
import io.proxima.application.vm.port.out.VmLifecycleListener;
import io.proxima.application.vm.port.out.VmReadRepository;
import io.proxima.application.vm.port.out.VmReadRepository.VmView;
import io.proxima.domain.node.Node;
import io.proxima.domain.vm.VmEvent;
import io.proxima.domain.vm.VmId;
import io.proxima.domain.vm.VmLifecycle;
import io.proxima.domain.vm.VmStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Compares the database with PVE in one {@code /cluster/resources} call per cluster (nodes that
 * share an API endpoint are one cluster). Power-state drift is applied through the VM state
 * machine; a guest that vanished marks its VM {@code error}; guests Proxima does not know are
 * reported, never touched, and never attached to a VM (only the guest carrying a VM's Proxima id is
 * that VM's). VMs with an operation in progress, or changed after PVE was read, are left alone
 * that cycle. A VM found missing stops being charged; one back from missing resumes.
 */
@ApplicationScoped
public class ReconciliationService implements ReconciliationUseCase {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class.getName());
    static final String MISSING = "missing in PVE";

    private final NodeTransactions nodes;
    private final VmReadRepository reads;
    private final VmTransactions tx;
    private final Hypervisor hypervisor;
    private final PeriodicJobs jobs;
    private final Clock clock;
    private final OperationTransactions observations;
    private final VmLifecycleListener lifecycle;

    @Inject
    public ReconciliationService(NodeTransactions nodes, VmReadRepository reads, VmTransactions tx, Hypervisor hypervisor,
                                 PeriodicJobs jobs, Clock clock, OperationTransactions observations,
                                 VmLifecycleListener lifecycle) {
        this.nodes = nodes;
        this.reads = reads;
        this.tx = tx;
        this.hypervisor = hypervisor;
        this.jobs = jobs;
        this.clock = clock;
        this.observations = observations;
        this.lifecycle = lifecycle;
    }

    @Override
    public boolean reconcileIfDue(Duration interval) {
        Instant now = clock.instant();
        long slot = now.toEpochMilli() / Math.max(1000, interval.toMillis());
        Instant periodStart = Instant.ofEpochMilli(slot * Math.max(1000, interval.toMillis()));
        if (!jobs.claim("vm.reconcile", periodStart)) {
            return false;
        }
        Report r = reconcile();
        if (r.drifted() > 0 || r.missing() > 0) {
            LOG.info("reconciliation: " + r);
        }
        return true;
    }

    @Override
    public Report reconcile() {
        long start = System.nanoTime();
        Snapshot snap = snapshot();
        int drifted = 0;
        int missing = 0;
        int checked = 0;
        for (Cluster cluster : snap.clusters.values()) {
            if (cluster.failed) {
                continue; // an unreachable cluster says nothing about its guests
            }
            for (VmView vm : snap.vmsByCluster.getOrDefault(cluster.key, List.of())) {
                // In flight, or changed after PVE was read (a power action that completed between the
                // two reads): the snapshot is older than what the database knows, so it proves nothing.
                if (snap.busy.contains(vm.id()) || vm.updatedAt() != null && vm.updatedAt().isAfter(snap.takenAt)) {
                    continue;
                }
                checked++;
                // Only a guest carrying this VM's id is its guest: PVE reuses vmids, so a guest at the
                // same address without the id (or with another) is someone else's and never adopted.
                ClusterResource r = cluster.byProximaId.get(vm.id());
                VmEvent event = observed(vm, r);
                if (event == null) {
                    continue;
                }
                VmStatus current = VmStatus.valueOf(vm.status().toUpperCase(Locale.ROOT));
                if (VmLifecycle.next(current, event).filter(next -> next != current).isEmpty()) {
                    continue;
                }
                try {
                    // Applied only to the VM exactly as read (same version) and with no operation
                    // started since: anything newer wins over this cycle's view.
                    var applied = observations.observe(new VmId(vm.id()), vm.version(), event,
                            event == VmEvent.OBSERVED_MISSING ? MISSING : null, clock.instant());
                    if (applied.isEmpty()) {
                        continue;
                    }
                    if (event == VmEvent.OBSERVED_MISSING) {
                        missing++;
                        lifecycle.outOfService(applied.get(), "error: " + MISSING);
                    } else {
                        drifted++;
                        if (current == VmStatus.ERROR && applied.get().status() == VmStatus.RUNNING) {
                            lifecycle.inServiceAgain(applied.get());
                        }
                    }
                } catch (RuntimeException raced) {
                    // Changed meanwhile (an action ran) or billing unavailable: the next cycle looks again.
                    LOG.fine(() -> "reconciliation of VM " + vm.id() + " skipped: " + raced);
                }
            }
        }
        int guests = snap.clusters.values().stream().mapToInt(c -> c.guests).sum();
        return new Report(snap.clusters.size(), snap.calls, guests, checked, drifted, missing, unmanaged(snap).size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static VmEvent observed(VmView vm, ClusterResource r) {
        if (r == null) {
            return VmEvent.OBSERVED_MISSING;
        }
        String status = r.status() == null ? "" : r.status();
        return switch (vm.status()) {
            // /cluster/resources reports a paused QEMU guest as running: only a stop is news for paused VMs.
            case "running", "paused" -> "stopped".equals(status) ? VmEvent.OBSERVED_STOPPED : null;
            case "stopped" -> "running".equals(status) ? VmEvent.OBSERVED_RUNNING : null;
            // Only a guest that had gone missing and is back changes an error; other errors wait for the user.
            case "error" -> !MISSING.equals(vm.statusReason()) ? null
                    : "running".equals(status) ? VmEvent.OBSERVED_RUNNING
                    : "stopped".equals(status) ? VmEvent.OBSERVED_STOPPED : null;
            default -> null;
        };
    }

    @Override
    public List<UnmanagedGuest> unmanagedGuests() {
        return unmanaged(snapshot());
    }

    private List<UnmanagedGuest> unmanaged(Snapshot snap) {
        Set<UUID> known = new HashSet<>();
        snap.vmsByCluster.values().forEach(list -> list.forEach(v -> known.add(v.id())));
        List<UnmanagedGuest> out = new ArrayList<>();
        for (Cluster c : snap.clusters.values()) {
            for (ClusterResource r : c.all) {
                // Without Proxima's id a guest is unmanaged, even at the address of a Proxima VM.
                boolean ours = r.proximaVmId() != null && known.contains(r.proximaVmId());
                if (!ours && !r.template()) {
                    out.add(new UnmanagedGuest(r.node(), r.vmid(), r.type(), r.name(), r.status(), r.proximaVmId()));
                }
            }
        }
        return out;
    }

    static final class Cluster {
        final String key;
        final Map<UUID, ClusterResource> byProximaId = new HashMap<>();
        final Map<String, ClusterResource> byAddress = new HashMap<>();
        final List<ClusterResource> all = new ArrayList<>();
        int guests;
        boolean failed;

        Cluster(String key) {
            this.key = key;
        }
    }

    static final class Snapshot {
        final Map<String, Cluster> clusters = new LinkedHashMap<>();
        final Map<String, List<VmView>> vmsByCluster = new HashMap<>();
        Set<UUID> busy = Set.of();
        /** When PVE was read: database state newer than this is not judged by the snapshot. */
        Instant takenAt;
        int calls;
    }

    private Snapshot snapshot() {
        Snapshot snap = new Snapshot();
        Map<String, PveNodeConnection> connections = new LinkedHashMap<>();
        Map<UUID, String> clusterOfNode = new HashMap<>();
        for (Node node : nodes.enabledNodes()) {
            PveNodeConnection conn = nodes.connection(node.id());
            String key = conn.baseUrl().toString();
            connections.putIfAbsent(key, conn);
            clusterOfNode.put(node.id(), key);
        }
        snap.takenAt = clock.instant();
        for (var e : connections.entrySet()) {
            Cluster c = new Cluster(e.getKey());
            snap.clusters.put(e.getKey(), c);
            try {
                snap.calls++;
                for (ClusterResource r : hypervisor.clusterResources(e.getValue(), ResourceKind.VM)) {
                    if (!r.isGuest()) {
                        continue;
                    }
                    c.guests++;
                    c.all.add(r);
                    if (r.proximaVmId() != null) {
                        c.byProximaId.put(r.proximaVmId(), r);
                    }
                    c.byAddress.put(r.node() + "/" + r.vmid(), r);
                }
            } catch (PveException unreachable) {
                c.failed = true;
                LOG.warning("reconciliation skipped cluster " + e.getKey() + ": " + unreachable.getMessage());
            }
        }
        loadVms(snap, clusterOfNode);
        return snap;
    }

    @Transactional
    void loadVms(Snapshot snap, Map<UUID, String> clusterOfNode) {
        for (VmView vm : reads.placedOn(clusterOfNode.keySet())) {
            snap.vmsByCluster.computeIfAbsent(clusterOfNode.get(vm.nodeId()), k -> new ArrayList<>()).add(vm);
        }
        snap.busy = reads.busyVms();
    }
}
