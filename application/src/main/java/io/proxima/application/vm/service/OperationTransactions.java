package io.proxima.application.vm.service;

import io.proxima.application.vm.port.out.OperationRepository;
import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The short transactions of the operation machinery. Kept in their own bean so that the runner,
 * which calls PVE, is never inside a database transaction.
 */
@ApplicationScoped
public class OperationTransactions {

    private final OperationRepository operations;
    private final VmRepository vms;

    @Inject
    public OperationTransactions(OperationRepository operations, VmRepository vms) {
        this.operations = operations;
        this.vms = vms;
    }

    @Transactional
    public List<UUID> claimDue(String worker, Instant now, Instant leaseUntil, int limit) {
        return operations.claimDue(worker, now, leaseUntil, limit);
    }

    @Transactional
    public Operation operation(UUID id) {
        return operations.find(id).orElseThrow(() -> new NotFoundException("Operation", id));
    }

    @Transactional
    public boolean saveIfHeld(Operation op, String worker, Instant leaseUntil) {
        return operations.saveIfHeld(op, worker, leaseUntil);
    }

    @Transactional
    public int renew(java.util.Collection<UUID> ids, String worker, Instant leaseUntil) {
        return operations.renew(ids, worker, leaseUntil);
    }

    @Transactional
    public void release(UUID id, String worker) {
        operations.release(id, worker);
    }

    @Transactional
    public Vm vm(VmId id) {
        return vms.find(id).orElseThrow(() -> new NotFoundException("VM", id));
    }

    /**
     * Applies what reconciliation observed, only to the VM as it was read ({@code expectedVersion})
     * and only while no operation is in flight; empty when either changed since (nothing applied).
     */
    @Transactional
    public java.util.Optional<Vm> observe(VmId id, long expectedVersion, io.proxima.domain.vm.VmEvent event, String reason,
                                          Instant at) {
        Vm vm = vms.find(id).orElse(null);
        if (vm == null || vm.version() != expectedVersion || operations.findActive(id).isPresent()) {
            return java.util.Optional.empty();
        }
        vm.apply(event, reason, at);
        vms.update(vm);
        return java.util.Optional.of(vm);
    }

    /** Loads, changes and saves the VM in one transaction (optimistic on its version). */
    @Transactional
    public Vm updateVm(VmId id, Consumer<Vm> change) {
        Vm vm = vms.find(id).orElseThrow(() -> new NotFoundException("VM", id));
        change.accept(vm);
        vms.update(vm);
        return vm;
    }
}
