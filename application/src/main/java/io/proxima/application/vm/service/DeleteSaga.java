package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.PveGuestNotOursException;
import io.proxima.application.hypervisor.PveNotFoundException;
import io.proxima.application.hypervisor.port.out.ClusterResource;
import io.proxima.application.hypervisor.port.out.GuestConfig;
import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PowerAction;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.ResourceKind;
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
import java.util.Optional;

/**
 * Deletion: find the guest wherever it is in the cluster (by the Proxima id it carries, through
 * {@code /cluster/resources}: HA or an operator may have moved it), stop it, destroy it with
 * purge (only if it carries this VM's id), prove it is gone, release its addresses, mark the VM
 * deleted and stop billing. Charging pauses as soon as the deletion starts. A deletion that cannot
 * prove the guest is gone (an untagged guest at the VM's address, a guest still listed after the
 * destroy) fails, leaving the VM in {@code error} for staff, never {@code deleted}.
 */
@ApplicationScoped
class DeleteSaga implements Saga {

    static final String LOCATE = "locate";
    static final String STOP = "stop";
    static final String DESTROY = "destroy";
    static final String RELEASE = "release";
    static final List<String> STEPS = List.of(LOCATE, STOP, DESTROY, RELEASE);

    /** Where {@code locate} found the guest; {@code GONE} when no guest carries the VM's id. */
    static final String GUEST_NODE = "guest_node";
    static final String GUEST_VMID = "guest_vmid";
    static final String GONE = "guest_gone";
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
        return STEPS;
    }

    @Override
    public List<String> compensation() {
        return List.of(); // a half-done deletion is finished by retrying, not undone
    }

    @Override
    public StepOutcome run(String step, SagaRun run) {
        Vm vm = run.vm();
        return switch (step) {
            case LOCATE -> locate(vm, run);
            case STOP -> stop(vm, run);
            case DESTROY -> destroy(vm, run);
            case RELEASE -> release(vm, run);
            default -> throw new IllegalStateException("unknown delete step " + step);
        };
    }

    private StepOutcome locate(Vm vm, SagaRun run) {
        // The customer asked for deletion: from now on nothing is charged (idempotent).
        lifecycle.outOfService(vm, "deletion requested");
        Placement p = vm.placement().orElse(null);
        if (p == null || p.vmid() == null) {
            run.checkpoint(GONE, "true"); // never reached PVE
            return StepOutcome.SKIPPED;
        }
        PveNodeConnection conn = connection(vm);
        Optional<ClusterResource> ours = carrying(vm, conn);
        if (ours.isPresent()) {
            run.checkpoint(GUEST_NODE, ours.get().node());
            run.checkpoint(GUEST_VMID, Integer.toString(ours.get().vmid()));
            return StepOutcome.DONE;
        }
        GuestRef placed = Guests.at(vm, p.pveNode(), p.vmid());
        try {
            GuestConfig config = hypervisor.config(conn, placed);
            if (vm.id().value().equals(config.proximaVmId())) {
                // Our id only in the description (tags edited): still ours, at its recorded place.
                run.checkpoint(GUEST_NODE, p.pveNode());
                run.checkpoint(GUEST_VMID, Integer.toString(p.vmid()));
                return StepOutcome.DONE;
            }
            if (config.proximaVmId() == null) {
                throw new PermanentFailure("guest " + p.vmid() + " on " + p.pveNode() + " carries no Proxima id: it may be"
                        + " this VM's guest with its tag removed; staff must check it before the VM can be deleted");
            }
            // Another VM's guest took the vmid: ours is gone.
        } catch (PveNotFoundException absent) {
            // nothing at the recorded address, and no guest carries our id anywhere: gone
        }
        run.checkpoint(GONE, "true");
        return StepOutcome.SKIPPED;
    }

    private StepOutcome stop(Vm vm, SagaRun run) {
        GuestRef guest = guestOf(vm, run);
        if (guest == null) {
            return StepOutcome.SKIPPED;
        }
        PveNodeConnection conn = connection(vm);
        try {
            if (!run.hasTask("stop") && hypervisor.status(conn, guest).state() == PowerState.STOPPED) {
                return StepOutcome.SKIPPED;
            }
            run.task("stop", hypervisor, conn, () -> hypervisor.power(conn, guest, PowerAction.STOP, vm.id().value()), TIMEOUT);
            return StepOutcome.DONE;
        } catch (PveNotFoundException | PveGuestNotOursException gone) {
            return StepOutcome.SKIPPED;
        }
    }

    private StepOutcome destroy(Vm vm, SagaRun run) {
        GuestRef guest = guestOf(vm, run);
        if (guest == null) {
            return StepOutcome.SKIPPED;
        }
        PveNodeConnection conn = connection(vm);
        try {
            if (!run.hasTask("destroy")) {
                GuestConfig config = hypervisor.config(conn, guest);
                if (!vm.id().value().equals(config.proximaVmId())) {
                    return StepOutcome.SKIPPED; // the vmid was reused by another guest: ours is already gone
                }
            }
            run.task("destroy", hypervisor, conn, () -> hypervisor.destroy(conn, guest, vm.id().value()), TIMEOUT);
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
        if (vm.placement().map(Placement::vmid).isPresent()) {
            // Proof before the VM is called deleted: no guest in the cluster carries its id any more.
            Optional<ClusterResource> still = carrying(vm, connection(vm));
            if (still.isPresent()) {
                throw new PermanentFailure("the guest is still in PVE (vmid " + still.get().vmid() + " on "
                        + still.get().node() + ") after it was destroyed; staff must check it");
            }
        }
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

    private Optional<ClusterResource> carrying(Vm vm, PveNodeConnection conn) {
        return hypervisor.clusterResources(conn, ResourceKind.VM).stream()
                .filter(ClusterResource::isGuest)
                .filter(r -> vm.id().value().equals(r.proximaVmId()))
                .findFirst();
    }

    private PveNodeConnection connection(Vm vm) {
        return nodes.target(vm.placement().orElseThrow().nodeId()).connection();
    }

    /** The guest to act on: where {@code locate} found it, else (reinstall) where the VM says it is. */
    private static GuestRef guestOf(Vm vm, SagaRun run) {
        if (run.data(GONE) != null) {
            return null;
        }
        if (run.data(GUEST_NODE) != null) {
            return Guests.at(vm, run.data(GUEST_NODE), Integer.parseInt(run.data(GUEST_VMID)));
        }
        Placement p = vm.placement().orElse(null);
        if (p == null || p.vmid() == null) {
            return null; // never reached PVE
        }
        return Guests.at(vm, p.pveNode(), p.vmid());
    }
}
