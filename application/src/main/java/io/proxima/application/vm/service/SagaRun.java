package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.port.out.Upid;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.Vm;
import java.time.Instant;
import java.util.function.Consumer;

/** What a step sees while it runs: the operation, a fresh copy of the VM, and durable checkpoints. */
final class SagaRun {

    private final OperationRunner runner;
    private final String worker;
    private Operation operation;

    SagaRun(OperationRunner runner, String worker, Operation operation) {
        this.runner = runner;
        this.worker = worker;
        this.operation = operation;
    }

    Operation operation() {
        return operation;
    }

    String data(String key) {
        return operation.get(key).orElse(null);
    }

    /** Records data and saves the operation before the step goes on (e.g. a vmid before cloning). */
    void checkpoint(String key, String value) {
        operation.put(key, value);
        save();
    }

    /** Records the PVE task the step waits on, durably, before waiting. */
    void awaiting(Upid upid) {
        operation.awaiting(upid.raw(), runner.now());
        save();
    }

    /** The VM as currently stored. */
    Vm vm() {
        return runner.transactions().vm(operation.vmId());
    }

    /** Changes the VM in its own short transaction. */
    Vm updateVm(Consumer<Vm> change) {
        return runner.transactions().updateVm(operation.vmId(), change);
    }

    Instant now() {
        return runner.now();
    }

    private void save() {
        if (!runner.transactions().saveIfHeld(operation, worker, runner.leaseUntil())) {
            throw new OperationRunner.LeaseLost(operation.id());
        }
    }
}
