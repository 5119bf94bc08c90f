package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.PveUnreachableException;

import io.proxima.application.vm.port.out.IpAddressRepository;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.domain.node.NodeCapacity;
import io.proxima.domain.node.PlacementPolicy;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.ErrorCode;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Reserves a node and an IP address for a new guest in one transaction, serialised across
 * instances, so that parallel orders neither over-commit a node nor share an address.
 */
@ApplicationScoped
public class PlacementService {

    private final NodeDirectory nodes;
    private final IpAddressRepository addresses;
    private final VmRepository vms;
    private final Clock clock;
    private final io.proxima.application.vm.port.out.VmReadRepository reads;

    @Inject
    public PlacementService(NodeDirectory nodes, IpAddressRepository addresses, VmRepository vms, Clock clock,
                            io.proxima.application.vm.port.out.VmReadRepository reads) {
        this.nodes = nodes;
        this.addresses = addresses;
        this.vms = vms;
        this.clock = clock;
        this.reads = reads;
    }

    /**
     * Claims a vmid for the VM before PVE sees it: the lowest id from {@code pveCandidate} up that
     * no other live guest of the same cluster holds, decided under the placement lock, so parallel
     * orders (on any instance) never try the same id. PVE's nextid reserves nothing, and guests made
     * outside Proxima still surface as "already exists" at clone time.
     */
    @Transactional
    public int reserveVmid(VmId id, int pveCandidate) {
        nodes.lockPlacement();
        Vm vm = vms.find(id).orElseThrow(() -> new NotFoundException("VM", id));
        Placement p = vm.placement().orElseThrow();
        java.util.Set<Integer> taken = reads.vmidsInCluster(p.nodeId());
        int vmid = Math.max(pveCandidate, Placement.MIN_VMID);
        while (taken.contains(vmid)) {
            vmid++;
        }
        vm.place(p.withVmid(vmid), vm.ipAddresses(), clock.instant());
        vms.update(vm);
        return vmid;
    }

    /** Gives the vmid back (the clone lost it to a guest made outside Proxima). */
    @Transactional
    public void releaseVmid(VmId id) {
        Vm vm = vms.find(id).orElseThrow(() -> new NotFoundException("VM", id));
        vm.placement().ifPresent(p -> {
            vm.place(p.withVmid(null), vm.ipAddresses(), clock.instant());
            vms.update(vm);
        });
    }

    /**
     * Refuses an order at once (503, nothing created) when no enabled node could ever take it now:
     * none of the location, none with a known size, none with room. Nodes that could but are
     * unreachable for a moment do not refuse it: the order is accepted and its placement waits.
     */
    @Transactional
    public void ensurePlaceable(int cores, int memoryMb, String location, java.util.UUID requiredNode) {
        List<NodeCapacity> capacities = nodes.capacities().stream()
                .filter(n -> requiredNode == null || n.nodeId().equals(requiredNode))
                .toList();
        if (!PlacementPolicy.couldHost(capacities, cores, memoryMb, location)) {
            PlacementPolicy.chooseOrFail(List.of(), cores, memoryMb, location);
        }
    }

    /**
     * Places the VM (idempotent: a VM already placed keeps its node and address). A template that
     * exists on one node only pins the guest to that node ({@code requiredNode}).
     */
    @Transactional
    public Vm reserve(VmId id, String location, java.util.UUID requiredNode) {
        nodes.lockPlacement();
        Vm vm = vms.find(id).orElseThrow(() -> new NotFoundException("VM", id));
        if (vm.placement().isPresent()) {
            return vm;
        }
        List<NodeCapacity> capacities = nodes.capacities().stream()
                .filter(n -> requiredNode == null || n.nodeId().equals(requiredNode))
                .toList();
        int cores = vm.spec().cpuCores();
        int memory = vm.spec().memoryMb();
        if (PlacementPolicy.choose(capacities, cores, memory, location).isEmpty()
                && PlacementPolicy.couldHost(capacities, cores, memory, location)) {
            // The nodes with room are unreachable for now (missed heartbeats): a transient failure,
            // so the step is retried with backoff (bounded by the runner's attempts) instead of failing.
            throw new PveUnreachableException("No reachable node has room for this guest right now; waiting for one", 503);
        }
        NodeCapacity chosen = PlacementPolicy.chooseOrFail(capacities, cores, memory, location);
        var target = nodes.target(chosen.nodeId());
        var address = addresses.assign(chosen.nodeId(), id).orElseThrow(() -> new DomainException(ErrorCode.UNAVAILABLE,
                "error.no_ip", "No free IP address on node " + chosen.name()));
        vm.place(new Placement(chosen.nodeId(), target.pveNode(), null), List.of(address.address()), clock.instant());
        vms.update(vm);
        return vm;
    }
}
