package io.proxima.application.vm.service;

import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmEvent;
import io.proxima.domain.vm.VmStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Reinstall: stop and destroy the guest (only if it carries this VM's id, as in deletion), give
 * its vmid back, then provision again from the (new) template on the same node with the same
 * address, using provisioning's own steps; the vmid may change. The VM goes
 * {@code provisioning → running}; billing is untouched (the meter keeps running). A permanent
 * failure destroys the new guest, if any, and leaves the VM in {@code error} with the reason; the
 * address stays assigned until the VM is deleted.
 */
@ApplicationScoped
class ReinstallSaga implements Saga {

    static final String STOP_OLD = "stop_old";
    static final String DESTROY_OLD = "destroy_old";
    static final String FORGET_VMID = "forget_vmid";
    static final String FINISH = "finish";
    static final String MARK_ERROR = "mark_error";
    static final String OLD_VMID = "old_vmid";
    static final List<String> STEPS = List.of(STOP_OLD, DESTROY_OLD, FORGET_VMID, ProvisionSaga.CREATE,
            ProvisionSaga.AWAIT_CREATE, ProvisionSaga.CONFIGURE, ProvisionSaga.RESIZE, ProvisionSaga.START,
            ProvisionSaga.AWAIT_START, FINISH);

    private final ProvisionSaga provision;
    private final DeleteSaga deletion;
    private final PlacementService placement;

    @Inject
    ReinstallSaga(ProvisionSaga provision, DeleteSaga deletion, PlacementService placement) {
        this.provision = provision;
        this.deletion = deletion;
        this.placement = placement;
    }

    @Override
    public OperationType type() {
        return OperationType.REINSTALL;
    }

    @Override
    public List<String> steps() {
        return STEPS;
    }

    @Override
    public List<String> compensation() {
        return List.of(ProvisionSaga.DESTROY, MARK_ERROR);
    }

    @Override
    public StepOutcome run(String step, SagaRun run) {
        return switch (step) {
            // The old guest: the vmid on the VM is still the old one until forget_vmid ran.
            case STOP_OLD -> oldGuestStillPlaced(run) ? deletion.run(DeleteSaga.STOP, run) : StepOutcome.SKIPPED;
            case DESTROY_OLD -> oldGuestStillPlaced(run) ? deletion.run(DeleteSaga.DESTROY, run) : StepOutcome.SKIPPED;
            case FORGET_VMID -> forgetVmid(run);
            case FINISH -> finish(run);
            case MARK_ERROR -> markError(run);
            default -> provision.run(step, run); // create ... await_start, and the destroy compensation
        };
    }

    private static boolean oldGuestStillPlaced(SagaRun run) {
        String old = run.data(OLD_VMID);
        Integer placed = run.vm().placement().map(p -> p.vmid()).orElse(null);
        return old != null && placed != null && placed == Integer.parseInt(old) && run.data(ProvisionSaga.VMID) == null;
    }

    private StepOutcome forgetVmid(SagaRun run) {
        if (!oldGuestStillPlaced(run)) {
            return StepOutcome.SKIPPED;
        }
        placement.releaseVmid(run.vm().id());
        return StepOutcome.DONE;
    }

    private StepOutcome finish(SagaRun run) {
        run.updateVm(v -> {
            if (v.status() == VmStatus.PROVISIONING) {
                v.apply(VmEvent.PROVISIONED_RUNNING, null, run.now());
            }
        });
        return StepOutcome.DONE;
    }

    private StepOutcome markError(SagaRun run) {
        String reason = run.operation().error();
        run.updateVm(v -> {
            if (v.allows(VmEvent.FAIL)) {
                v.apply(VmEvent.FAIL, "reinstall failed: " + (reason == null ? "unknown error" : reason), run.now());
            }
        });
        return StepOutcome.DONE;
    }

    @Override
    public void failed(SagaRun run, String reason) {
        Vm vm = run.vm();
        if (vm.status() == VmStatus.PROVISIONING) {
            run.updateVm(v -> v.apply(VmEvent.FAIL, "reinstall failed: " + reason, run.now()));
        }
    }
}
