package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PowerAction;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.application.hypervisor.port.out.Upid;
import io.proxima.application.vm.port.in.VmActionsUseCase;
import io.proxima.application.vm.port.out.NodeDirectory;
import io.proxima.application.vm.port.out.VmLifecycleListener;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmEvent;
import io.proxima.domain.vm.VmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Power actions run synchronously: the transition is checked first (an illegal one never reaches
 * PVE), PVE is called and its task awaited outside any transaction, then the new state is saved.
 */
@ApplicationScoped
public class VmActionsService implements VmActionsUseCase {

    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(90);

    private final VmTransactions tx;
    private final Hypervisor hypervisor;
    private final NodeDirectory nodes;
    private final VmLifecycleListener lifecycle;
    private final VmAudit audit;

    @Inject
    public VmActionsService(VmTransactions tx, Hypervisor hypervisor, NodeDirectory nodes, VmLifecycleListener lifecycle,
                            VmAudit audit) {
        this.audit = audit;
        this.tx = tx;
        this.hypervisor = hypervisor;
        this.nodes = nodes;
        this.lifecycle = lifecycle;
    }

    @Override
    public Vm power(VmId id, PowerCommand command, Actor actor) {
        Vm vm = tx.load(id, actor);
        VmEvent event = switch (command) {
            case START -> VmEvent.START;
            case STOP -> VmEvent.STOP;
            case SHUTDOWN -> VmEvent.SHUTDOWN;
            case RESTART -> VmEvent.RESTART;
            case PAUSE -> VmEvent.PAUSE;
            case RESUME -> VmEvent.RESUME;
        };
        var record = VmAudit.event("vm." + command.name().toLowerCase(java.util.Locale.ROOT), vm)
                .detail("from_status", vm.status().wireName());
        return audit.around(record, () -> {
            vm.requireAllowed(event);
            tx.requireNoActiveOperation(id);
            Vm after = doPower(vm, command, event);
            record.detail("status", after.status().wireName());
            return after;
        });
    }

    private Vm doPower(Vm vm, PowerCommand command, VmEvent event) {
        VmId id = vm.id();
        PowerAction action = switch (command) {
            case START -> PowerAction.START;
            case STOP -> PowerAction.STOP;
            case SHUTDOWN -> PowerAction.SHUTDOWN;
            case RESTART -> PowerAction.REBOOT;
            case PAUSE -> PowerAction.SUSPEND;
            case RESUME -> PowerAction.RESUME;
        };
        runInPve(vm, action);
        return tx.apply(id, event, null);
    }

    @Override
    public Vm suspend(VmId id, String reason, Actor actor) {
        Vm vm = tx.load(id, actor);
        return audit.around(VmAudit.event("vm.suspend", vm).detail("reason", reason), () -> doSuspend(vm, id, reason));
    }

    private Vm doSuspend(Vm vm, VmId id, String reason) {
        vm.requireAllowed(VmEvent.SUSPEND);
        if (vm.placement().map(Placement::vmid).isPresent() && vm.status() != io.proxima.domain.vm.VmStatus.SUSPENDED) {
            GuestRef guest = guest(vm);
            var target = nodes.target(vm.placement().orElseThrow().nodeId());
            if (hypervisor.status(target.connection(), guest).state() != PowerState.STOPPED) {
                runInPve(vm, PowerAction.STOP);
            }
        }
        boolean wasSuspended = vm.status() == io.proxima.domain.vm.VmStatus.SUSPENDED;
        Vm suspended = tx.apply(id, VmEvent.SUSPEND, reason == null || reason.isBlank() ? "suspended by an administrator" : reason);
        if (!wasSuspended && suspended.status() == io.proxima.domain.vm.VmStatus.SUSPENDED) {
            lifecycle.suspended(suspended, suspended.statusReason());
        }
        return suspended;
    }

    @Override
    public Vm unsuspend(VmId id, Actor actor) {
        Vm vm = tx.load(id, actor);
        return audit.around(VmAudit.event("vm.unsuspend", vm), () -> {
            vm.requireAllowed(VmEvent.UNSUSPEND);
            Vm back = tx.apply(id, VmEvent.UNSUSPEND, null);
            lifecycle.unsuspended(back);
            return back;
        });
    }

    @Override
    public Operation delete(VmId id, Actor actor) {
        Vm vm = tx.load(id, actor);
        var record = VmAudit.event("vm.delete", vm);
        return audit.around(record, () -> {
            Operation op = tx.startDeletion(id, actor);
            record.detail("operation_id", op.id());
            return op;
        });
    }

    private void runInPve(Vm vm, PowerAction action) {
        GuestRef guest = guest(vm);
        var target = nodes.target(vm.placement().orElseThrow().nodeId());
        // Every power action, not only the destructive ones: the vmid may now hold a stranger's guest.
        Guests.requireOwned(hypervisor, target.connection(), guest, vm.id().value());
        Upid upid = hypervisor.power(target.connection(), guest, action, vm.id().value());
        hypervisor.awaitTask(target.connection(), upid, TASK_TIMEOUT);
    }

    private static GuestRef guest(Vm vm) {
        Placement p = vm.placement().filter(pl -> pl.vmid() != null).orElseThrow(() -> new StateConflictException(
                "error.vm.not_in_pve", "The VM has no guest in PVE", vm.status().wireName()));
        return Guests.at(vm, p.pveNode(), p.vmid());
    }
}
