package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.port.out.ClusterResource;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.GuestStatus;
import io.proxima.application.hypervisor.port.out.GuestType;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.ResourceKind;
import io.proxima.application.hypervisor.port.out.RrdConsolidation;
import io.proxima.application.hypervisor.port.out.RrdPoint;
import io.proxima.application.hypervisor.port.out.RrdTimeframe;
import io.proxima.application.monitoring.port.in.MetricsQueryUseCase;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.in.VmInsightUseCase;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.application.vm.port.out.VmReadRepository.VmView;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class VmInsightService implements VmInsightUseCase {

    static final int MAX_BATCH = 100;

    private final VmQueryService query;
    private final Hypervisor hypervisor;
    private final NodeDirectory nodes;
    private final Clock clock;
    private final MetricsQueryUseCase metrics;

    @Inject
    public VmInsightService(VmQueryService query, Hypervisor hypervisor, NodeDirectory nodes, Clock clock,
                            MetricsQueryUseCase metrics) {
        this.query = query;
        this.hypervisor = hypervisor;
        this.nodes = nodes;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public VmStats stats(UUID vmId, Actor actor) {
        VmView vm = query.get(vmId, actor);
        Guests.requireOwned(hypervisor, connection(vm), guest(vm), vm.id());
        GuestStatus s = hypervisor.status(connection(vm), guest(vm));
        double memPct = s.maxMemBytes() <= 0 ? 0 : Math.round(1000.0 * s.memBytes() / s.maxMemBytes()) / 10.0;
        return new VmStats(vm.id(), vm.status(), Math.round(s.cpu() * 1000) / 10.0, s.cpus(), s.memBytes(), s.maxMemBytes(),
                memPct, s.maxDiskBytes(), s.diskReadBytes(), s.diskWriteBytes(), s.netInBytes(), s.netOutBytes(),
                s.uptimeSeconds(), clock.instant());
    }

    @Override
    public List<RrdPoint> history(UUID vmId, RrdTimeframe timeframe, Actor actor) {
        VmView vm = query.get(vmId, actor);
        // The monitoring pipeline's samples first; PVE's RRD only for the time before it collected.
        return metrics.history("vm", vm.id(), timeframe, () -> {
            Guests.requireOwned(hypervisor, connection(vm), guest(vm), vm.id());
            return hypervisor.guestRrd(connection(vm), guest(vm), timeframe, RrdConsolidation.AVERAGE);
        });
    }

    @Override
    public Map<UUID, BatchStatus> batchStatus(List<UUID> ids, Actor actor) {
        if (ids.isEmpty() || ids.size() > MAX_BATCH) {
            throw ValidationException.of("ids", "validation.batch_size", "give 1 to " + MAX_BATCH + " ids", MAX_BATCH);
        }
        Map<UUID, BatchStatus> out = new LinkedHashMap<>();
        // Group visible, placed VMs by cluster endpoint: one /cluster/resources call per cluster.
        Map<String, PveNodeConnection> connections = new HashMap<>();
        Map<String, List<VmView>> byCluster = new HashMap<>();
        for (UUID id : ids) {
            VmView vm;
            try {
                vm = query.get(id, actor);
            } catch (io.proxima.domain.shared.NotFoundException invisible) {
                continue;
            }
            if (vm.nodeId() == null || vm.vmid() == null) {
                out.put(id, new BatchStatus(id, vm.status(), null, vm.vmid(), vm.node()));
                continue;
            }
            PveNodeConnection conn = nodes.target(vm.nodeId()).connection();
            String key = conn.baseUrl().toString();
            connections.putIfAbsent(key, conn);
            byCluster.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(vm);
        }
        for (var entry : byCluster.entrySet()) {
            Map<String, ClusterResource> guests = new HashMap<>();
            for (ClusterResource r : hypervisor.clusterResources(connections.get(entry.getKey()), ResourceKind.VM)) {
                if (r.isGuest()) {
                    guests.put(r.node() + "/" + r.vmid(), r);
                }
            }
            for (VmView vm : entry.getValue()) {
                ClusterResource r = guests.get(vm.node() + "/" + vm.vmid());
                String pve = r == null ? "missing"
                        : vm.id().equals(r.proximaVmId()) || r.proximaVmId() == null ? r.status() : "missing";
                out.put(vm.id(), new BatchStatus(vm.id(), vm.status(), pve, vm.vmid(), vm.node()));
            }
        }
        return out;
    }

    private PveNodeConnection connection(VmView vm) {
        if (vm.nodeId() == null) {
            throw new StateConflictException("error.vm.not_in_pve", "The VM has no guest in PVE yet", vm.status());
        }
        return nodes.target(vm.nodeId()).connection();
    }

    private static GuestRef guest(VmView vm) {
        if (vm.vmid() == null) {
            throw new StateConflictException("error.vm.not_in_pve", "The VM has no guest in PVE yet", vm.status());
        }
        return new GuestRef(vm.node(), vm.vmid(), "qemu".equals(vm.type()) ? GuestType.QEMU : GuestType.LXC);
    }
}
