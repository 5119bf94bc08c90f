package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.PveGuestNotOursException;
import io.proxima.application.hypervisor.PveNotFoundException;
import io.proxima.application.hypervisor.port.out.GuestConfig;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PowerAction;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.application.hypervisor.port.out.Upid;
import io.proxima.application.vm.port.out.IpAddressRepository;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.application.vm.port.out.VmLifecycleListener;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmEvent;
import io.proxima.domain.vm.VmStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * Deletion: stop the guest, destroy it with purge (only if it carries this VM's id), release its
 * addresses, mark the VM deleted and stop billing. Each step tolerates a guest already gone, so a
 * retried or resumed deletion converges.
 */
@ApplicationScoped
class DeleteSaga implements Saga {

    static final String STOP = "stop";
    static final String DESTROY = "destroy";
    static final String RELEASE = "release";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Hypervisor hypervisor;
    private final NodeDirectory nodes;
    private final IpAddressRepository addresses;
    private final VmLifecycleListener lifecycle;

    @Inject
    DeleteSaga(Hypervisor hypervisor, NodeDirectory nodes, IpAddressRepository addresses, VmLifecycleListener lifecycle) {
        this.hypervisor = hypervisor;
        this.nodes = nodes;
        this.addresses = addresses;
        this.lifecycle = lifecycle;
    }

    @Override
    public OperationType type() {
        return OperationType.DELETE;
    }

    @Override
    public List<String> steps() {
        return List.of(STOP, DESTROY, RELEASE);
    }

    @Override
    public List<String> compensation() {
        return List.of(); // a half-done deletion is finished by retrying, not undone
    }

    @Override
    public StepOutcome run(String step, SagaRun run) {
        Vm vm = run.vm();
        return switch (step) {
            case STOP -> stop(vm);
            case DESTROY -> destroy(vm, run);
            case RELEASE -> release(vm, run);
            default -> throw new IllegalStateException("unknown delete step " + step);
        };
    }

    private StepOutcome stop(Vm vm) {
        GuestRef guest = guestOf(vm);
        if (guest == null) {
            return StepOutcome.SKIPPED;
        }
        var target = nodes.target(vm.placement().orElseThrow().nodeId());
        try {
            if (hypervisor.status(target.connection(), guest).state() == PowerState.STOPPED) {
                return StepOutcome.SKIPPED;
            }
            Upid upid = hypervisor.power(target.connection(), guest, PowerAction.STOP, vm.id().value());
            hypervisor.awaitTask(target.connection(), upid, TIMEOUT);
            return StepOutcome.DONE;
        } catch (PveNotFoundException | PveGuestNotOursException gone) {
            return StepOutcome.SKIPPED;
        }
    }

    private StepOutcome destroy(Vm vm, SagaRun run) {
        GuestRef guest = guestOf(vm);
        if (guest == null) {
            return StepOutcome.SKIPPED;
        }
        var target = nodes.target(vm.placement().orElseThrow().nodeId());
        try {
            GuestConfig config = hypervisor.config(target.connection(), guest);
            if (!vm.id().value().equals(config.proximaVmId())) {
                return StepOutcome.SKIPPED; // the vmid was reused by another guest: ours is already gone
            }
            Upid upid = hypervisor.destroy(target.connection(), guest, vm.id().value());
            run.awaiting(upid);
            hypervisor.awaitTask(target.connection(), upid, TIMEOUT);
            return StepOutcome.DONE;
        } catch (PveNotFoundException | PveGuestNotOursException gone) {
            return StepOutcome.SKIPPED;
        }
    }

    @Transactional
    void releaseAddresses(Vm vm) {
        addresses.releaseAll(vm.id());
    }

    private StepOutcome release(Vm vm, SagaRun run) {
        releaseAddresses(vm);
        Vm deleted = run.updateVm(v -> {
            if (v.status() != VmStatus.DELETED) {
                v.apply(VmEvent.DESTROYED, null, run.now());
            }
            v.placement().ifPresent(p -> v.place(p, List.of(), run.now()));
        });
        lifecycle.deleted(deleted);
        return StepOutcome.DONE;
    }

    @Override
    public void failed(SagaRun run, String reason) {
        Vm vm = run.vm();
        if (vm.status() == VmStatus.DELETING) {
            run.updateVm(v -> v.apply(VmEvent.FAIL, "deletion failed: " + reason, run.now()));
        }
    }

    private static GuestRef guestOf(Vm vm) {
        Placement p = vm.placement().orElse(null);
        if (p == null || p.vmid() == null) {
            return null; // never reached PVE
        }
        return Guests.at(vm, p.pveNode(), p.vmid());
    }
}
