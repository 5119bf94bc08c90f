package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.port.out.ConfigChange;
import io.proxima.application.hypervisor.port.out.GuestConfig;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.Upid;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.application.vm.port.out.PlanRepository;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.Vm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A plan change: set cores and memory (and the name, which a rename may have changed) in PVE,
 * grow the boot disk to the plan's size (never shrink), then switch the VM to the plan and tell
 * billing, which prorates the rest of the hour. Every step is idempotent.
 */
@ApplicationScoped
class ResizeSaga implements Saga {

    static final String CONFIGURE = "configure";
    static final String RESIZE_DISK = "resize_disk";
    static final String FINALIZE = "finalize";
    static final List<String> STEPS = List.of(CONFIGURE, RESIZE_DISK, FINALIZE);

    static final String PLAN_ID = "plan_id";
    static final String CORES = "cores";
    static final String MEMORY_MB = "memory_mb";
    static final String DISK_GB = "disk_gb";
    static final String BILLED = "billed";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> BOOT_DISKS = List.of("scsi0", "virtio0", "sata0", "ide0");

    private final Hypervisor hypervisor;
    private final NodeDirectory nodes;
    private final PlanRepository plans;
    private final VmBilling billing;

    @Inject
    ResizeSaga(Hypervisor hypervisor, NodeDirectory nodes, PlanRepository plans, VmBilling billing) {
        this.hypervisor = hypervisor;
        this.nodes = nodes;
        this.plans = plans;
        this.billing = billing;
    }

    @Override
    public OperationType type() {
        return OperationType.RESIZE;
    }

    @Override
    public List<String> steps() {
        return STEPS;
    }

    @Override
    public List<String> compensation() {
        return List.of(); // the VM keeps its old plan; cores/memory in PVE are set again by a retry
    }

    @Override
    public StepOutcome run(String step, SagaRun run) {
        return switch (step) {
            case CONFIGURE -> configure(run);
            case RESIZE_DISK -> resizeDisk(run);
            case FINALIZE -> finalizePlan(run);
            default -> throw new IllegalStateException("unknown resize step " + step);
        };
    }

    private StepOutcome configure(SagaRun run) {
        Vm vm = run.vm();
        Placement p = vm.placement().orElseThrow(() -> new PermanentFailure("the VM is not placed"));
        var target = nodes.target(p.nodeId());
        ConfigChange.Builder change = ConfigChange.builder()
                .cores(Integer.parseInt(run.data(CORES)))
                .memoryMb(Integer.parseInt(run.data(MEMORY_MB)));
        if (vm.type() == io.proxima.domain.vm.GuestType.QEMU) {
            change.name(vm.hostname().value());
        } else {
            change.hostname(vm.hostname().value());
        }
        GuestRef guest = guest(vm, p);
        if (!run.hasTask("config")) {
            Guests.requireOwned(hypervisor, target.connection(), guest, vm.id().value());
        }
        run.maybeTask("config", hypervisor, target.connection(),
                () -> hypervisor.updateConfig(target.connection(), guest, change.build()), TIMEOUT);
        return StepOutcome.DONE;
    }

    private StepOutcome resizeDisk(SagaRun run) {
        Vm vm = run.vm();
        Placement p = vm.placement().orElseThrow();
        var target = nodes.target(p.nodeId());
        GuestRef guest = guest(vm, p);
        if (run.hasTask("resize")) {
            run.task("resize", hypervisor, target.connection(), SagaRun.alreadyStarted(), TIMEOUT);
            return StepOutcome.DONE;
        }
        GuestConfig config = Guests.requireOwned(hypervisor, target.connection(), guest, vm.id().value());
        String disk = vm.type() == io.proxima.domain.vm.GuestType.LXC ? "rootfs"
                : BOOT_DISKS.stream().filter(d -> config.get(d).isPresent()).findFirst().orElse(null);
        if (disk == null) {
            throw new PermanentFailure("the guest has no boot disk (scsi0, virtio0, sata0 or ide0)");
        }
        int wanted = Integer.parseInt(run.data(DISK_GB));
        if (ProvisionSaga.sizeGb(config.get(disk).orElse("")) >= wanted) {
            return StepOutcome.SKIPPED; // already that size (or larger: PVE cannot shrink)
        }
        run.task("resize", hypervisor, target.connection(),
                () -> hypervisor.resizeDisk(target.connection(), guest, vm.id().value(), disk, wanted + "G"), TIMEOUT);
        return StepOutcome.DONE;
    }

    private StepOutcome finalizePlan(SagaRun run) {
        Plan plan = plan(UUID.fromString(run.data(PLAN_ID)));
        Vm vm = run.vm();
        if (run.data(BILLED) == null && !vm.planId().equals(plan.id())) {
            billing.planChanged(vm, plan);
            run.checkpoint(BILLED, "true");
        }
        run.updateVm(v -> {
            if (!v.planId().equals(plan.id())) {
                v.changePlan(plan.id(), plan.spec(), run.now());
            }
        });
        return StepOutcome.DONE;
    }

    @Transactional
    Plan plan(UUID id) {
        return plans.find(id).orElseThrow(() -> new NotFoundException("Plan", id));
    }

    @Override
    public void failed(SagaRun run, String reason) {
        // The VM keeps its status and its old plan; the operation carries the error.
    }

    private static GuestRef guest(Vm vm, Placement p) {
        return MigrateSaga.guest(vm, p.pveNode(), p.vmid());
    }
}
