package io.proxima.application.vm.service;

import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import io.proxima.application.vm.port.out.OperationRepository;
import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmEvent;
import io.proxima.domain.vm.VmId;
import io.proxima.domain.vm.VmStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/** The short transactions of VM use cases; PVE calls happen between them, never inside. */
@ApplicationScoped
public class VmTransactions {

    private final VmRepository vms;
    private final OperationRepository operations;
    private final Clock clock;

    @Inject
    public VmTransactions(VmRepository vms, OperationRepository operations, Clock clock) {
        this.vms = vms;
        this.operations = operations;
        this.clock = clock;
    }

    @Transactional
    public Vm load(VmId id, Actor actor) {
        return VmAccess.load(vms, id, actor);
    }

    @Transactional
    public void requireNoActiveOperation(VmId id) {
        operations.findActive(id).ifPresent(op -> {
            throw new StateConflictException("error.vm.busy", "The VM is busy with a " + op.type().wireName() + " operation",
                    op.type().wireName());
        });
    }

    /** Applies an event to the freshly loaded VM and saves it. */
    @Transactional
    public Vm apply(VmId id, VmEvent event, String reason) {
        Vm vm = vms.find(id).orElseThrow(() -> new NotFoundException("VM", id));
        vm.apply(event, reason, clock.instant());
        vms.update(vm);
        return vm;
    }

    /** Moves the VM to {@code deleting} and records the deletion operation in one transaction. */
    @Transactional
    public Operation startDeletion(VmId id, Actor actor) {
        Vm vm = VmAccess.load(vms, id, actor);
        if (vm.status() == VmStatus.PROVISIONING) {
            throw new StateConflictException("error.vm.provisioning", "Wait until provisioning has finished", vm.status().wireName());
        }
        vm.requireAllowed(VmEvent.DELETE);
        requireNoActiveOperation(id);
        vm.apply(VmEvent.DELETE, null, clock.instant());
        vms.update(vm);
        Operation op = Operation.start(id, actor.userId(), OperationType.DELETE,
                DeleteSaga.STEPS, Map.of(), clock.instant());
        operations.insert(op);
        return op;
    }
}
