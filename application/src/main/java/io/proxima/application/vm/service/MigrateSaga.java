package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.PveNotFoundException;
import io.proxima.application.hypervisor.port.out.GuestConfig;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.Upid;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.Vm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Migration to another node of the same cluster: migrate in PVE (online for a running QEMU
 * guest, restart mode for a running container; the adapter decides), wait for the task, then
 * move the VM's placement to the target node. The VM keeps its status and address throughout.
 * Resumed after a crash, the first step finds the guest already on the target and skips.
 */
@ApplicationScoped
class MigrateSaga implements Saga {

    static final String MIGRATE = "migrate";
    static final String AWAIT_MIGRATE = "await_migrate";
    static final String FINALIZE = "finalize";
    static final List<String> STEPS = List.of(MIGRATE, AWAIT_MIGRATE, FINALIZE);

    static final String TARGET_NODE_ID = "target_node_id";
    static final String TARGET_PVE_NODE = "target_pve_node";
    static final String SOURCE_PVE_NODE = "source_pve_node";
    static final String MIGRATE_UPID = "migrate_upid";
    private static final Duration TIMEOUT = Duration.ofHours(2);

    private final Hypervisor hypervisor;
    private final NodeDirectory nodes;

    @Inject
    MigrateSaga(Hypervisor hypervisor, NodeDirectory nodes) {
        this.hypervisor = hypervisor;
        this.nodes = nodes;
    }

    @Override
    public OperationType type() {
        return OperationType.MIGRATE;
    }

    @Override
    public List<String> steps() {
        return STEPS;
    }

    @Override
    public List<String> compensation() {
        return List.of(); // PVE's migration either moved the guest or left it where it was
    }

    @Override
    public StepOutcome run(String step, SagaRun run) {
        return switch (step) {
            case MIGRATE -> migrate(run);
            case AWAIT_MIGRATE -> awaitMigrate(run);
            case FINALIZE -> finalizePlacement(run);
            default -> throw new IllegalStateException("unknown migrate step " + step);
        };
    }

    private StepOutcome migrate(SagaRun run) {
        Vm vm = run.vm();
        UUID targetNode = UUID.fromString(run.data(TARGET_NODE_ID));
        Placement p = vm.placement().orElseThrow(() -> new PermanentFailure("the VM is not placed"));
        if (p.nodeId().equals(targetNode) || run.data(MIGRATE_UPID) != null || onTarget(run, vm, p)) {
            return StepOutcome.SKIPPED;
        }
        var source = nodes.target(p.nodeId());
        Upid upid = hypervisor.migrate(source.connection(), guest(vm, p.pveNode(), p.vmid()), run.data(TARGET_PVE_NODE),
                vm.id().value());
        run.checkpoint(MIGRATE_UPID, upid.raw());
        run.awaiting(upid);
        return StepOutcome.DONE;
    }

    private StepOutcome awaitMigrate(SagaRun run) {
        String upid = run.data(MIGRATE_UPID);
        if (upid == null) {
            return StepOutcome.SKIPPED;
        }
        Vm vm = run.vm();
        var source = nodes.target(vm.placement().orElseThrow().nodeId());
        run.await(hypervisor, source.connection(), Upid.parse(upid), TIMEOUT);
        return StepOutcome.DONE;
    }

    private StepOutcome finalizePlacement(SagaRun run) {
        UUID targetNode = UUID.fromString(run.data(TARGET_NODE_ID));
        String targetPve = run.data(TARGET_PVE_NODE);
        run.updateVm(v -> {
            Placement p = v.placement().orElseThrow();
            if (!p.nodeId().equals(targetNode)) {
                v.place(new Placement(targetNode, targetPve, p.vmid()), v.ipAddresses(), run.now());
            }
        });
        return StepOutcome.DONE;
    }

    /** Whether the guest (ours, by its tag) already sits on the target node. */
    private boolean onTarget(SagaRun run, Vm vm, Placement p) {
        try {
            var target = nodes.target(UUID.fromString(run.data(TARGET_NODE_ID)));
            GuestConfig config = hypervisor.config(target.connection(), guest(vm, run.data(TARGET_PVE_NODE), p.vmid()));
            return vm.id().value().equals(config.proximaVmId());
        } catch (PveNotFoundException e) {
            return false;
        }
    }

    @Override
    public void failed(SagaRun run, String reason) {
        // The VM's status is untouched by a migration; the operation carries the error.
    }

    static GuestRef guest(Vm vm, String pveNode, int vmid) {
        return Guests.at(vm, pveNode, vmid);
    }
}
