package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.Snapshot;
import io.proxima.application.vm.port.in.SnapshotUseCase;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.application.vm.port.out.OperationRepository;
import io.proxima.application.vm.port.out.PlanRepository;
import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.domain.shared.ConflictException;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.SnapshotName;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import io.proxima.domain.vm.VmStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class SnapshotService implements SnapshotUseCase {

    private final VmTransactions tx;
    private final VmRepository vms;
    private final PlanRepository plans;
    private final OperationRepository operations;
    private final Hypervisor hypervisor;
    private final NodeDirectory nodes;
    private final Clock clock;
    private final VmAudit audit;

    @Inject
    public SnapshotService(VmTransactions tx, VmRepository vms, PlanRepository plans, OperationRepository operations,
                           Hypervisor hypervisor, NodeDirectory nodes, Clock clock, VmAudit audit) {
        this.audit = audit;
        this.tx = tx;
        this.vms = vms;
        this.plans = plans;
        this.operations = operations;
        this.hypervisor = hypervisor;
        this.nodes = nodes;
        this.clock = clock;
    }

    @Override
    public List<Snapshot> list(UUID vmId, Actor actor) {
        Vm vm = requireInPve(tx.load(new VmId(vmId), actor));
        var conn = nodes.target(vm.placement().orElseThrow().nodeId()).connection();
        Guests.requireOwned(hypervisor, conn, guest(vm), vm.id().value());
        return hypervisor.snapshots(conn, guest(vm));
    }

    @Override
    public Operation create(UUID vmId, String name, String description, Actor actor) {
        SnapshotName snapshot = new SnapshotName(name);
        if (description != null && description.length() > 500) {
            throw io.proxima.domain.shared.ValidationException.of("description", "validation.length", "must be at most 500 characters", 0, 500);
        }
        List<Snapshot> existing = list(vmId, actor);
        if (existing.stream().anyMatch(s -> s.name().equals(snapshot.value()))) {
            throw new ConflictException("error.snapshot.exists", "A snapshot named " + snapshot.value() + " exists");
        }
        return start(vmId, actor, OperationType.SNAPSHOT, snapshot.value(), description, existing.size());
    }

    @Override
    public Operation delete(UUID vmId, String name, Actor actor) {
        requireExisting(vmId, name, actor);
        return start(vmId, actor, OperationType.SNAPSHOT_DELETE, name, null, -1);
    }

    @Override
    public Operation rollback(UUID vmId, String name, Actor actor) {
        requireExisting(vmId, name, actor);
        return start(vmId, actor, OperationType.ROLLBACK, name, null, -1);
    }

    private void requireExisting(UUID vmId, String name, Actor actor) {
        if (list(vmId, actor).stream().noneMatch(s -> s.name().equals(name))) {
            throw new NotFoundException("Snapshot", name);
        }
    }

    /** Records the operation; {@code existingCount} >= 0 enforces the plan's snapshot limit. */
    @Transactional
    Operation start(UUID vmId, Actor actor, OperationType type, String name, String description, int existingCount) {
        Vm vm = requireInPve(VmAccess.load(vms, new VmId(vmId), actor));
        if (existingCount >= 0) {
            Plan plan = plans.find(vm.planId()).orElseThrow(() -> new NotFoundException("Plan", vm.planId()));
            if (existingCount >= plan.snapshotLimit()) {
                throw new ConflictException("error.snapshot.limit", "The plan allows " + plan.snapshotLimit() + " snapshots",
                        plan.snapshotLimit());
            }
        }
        Map<String, String> data = new HashMap<>();
        data.put(SnapshotSagas.NAME, name);
        if (description != null) {
            data.put(SnapshotSagas.DESCRIPTION, description);
        }
        List<String> steps = switch (type) {
            case SNAPSHOT -> List.of("create_snapshot");
            case SNAPSHOT_DELETE -> List.of("delete_snapshot");
            default -> List.of("rollback");
        };
        Operation op = Operation.start(vm.id(), actor.userId(), type, steps, data, clock.instant());
        operations.insert(op);
        String action = switch (type) {
            case SNAPSHOT -> "vm.snapshot.create";
            case SNAPSHOT_DELETE -> "vm.snapshot.delete";
            default -> "vm.snapshot.rollback";
        };
        audit.success(VmAudit.event(action, vm).detail("snapshot", name).detail("operation_id", op.id()));
        return op;
    }

    private static Vm requireInPve(Vm vm) {
        if (vm.placement().map(Placement::vmid).isEmpty() || !(vm.status().isSteady() || vm.status() == VmStatus.SUSPENDED)) {
            throw new StateConflictException("error.vm.not_ready", "Snapshots need a provisioned VM", vm.status().wireName());
        }
        return vm;
    }

    private static GuestRef guest(Vm vm) {
        Placement p = vm.placement().orElseThrow();
        return Guests.at(vm, p.pveNode(), p.vmid());
    }
}
