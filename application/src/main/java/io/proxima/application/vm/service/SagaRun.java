package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.PveTimeoutException;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.TaskResult;
import io.proxima.application.hypervisor.port.out.Upid;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationStep;
import io.proxima.domain.vm.Vm;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /**
     * Starts a PVE task at most once for this step (remembered under {@code label}, forgotten when
     * the step ends) and waits for it without holding a worker: returns when it ended well, throws
     * its failure, or throws {@link Saga.CheckAgain} while it runs. {@code timeout} counts from
     * when the task was started.
     */
    TaskResult task(String label, Hypervisor hypervisor, PveNodeConnection conn, Supplier<Upid> start, Duration timeout) {
        String key = Operation.taskKey(currentStep(), label);
        String raw = data(key);
        Upid upid;
        Instant since;
        if (raw == null) {
            upid = start.get();
            since = now();
            checkpoint(key, upid.raw() + "|" + since);
            awaiting(upid);
        } else {
            int bar = raw.lastIndexOf('|');
            upid = Upid.parse(raw.substring(0, bar));
            since = Instant.parse(raw.substring(bar + 1));
        }
        return await(hypervisor, conn, upid, since, timeout, key);
    }

    /** Whether this step has started the task {@code label} (its result may still be pending). */
    boolean hasTask(String label) {
        return data(Operation.taskKey(currentStep(), label)) != null;
    }

    /** For {@link #task} when the step knows the task was started before ({@link #hasTask}). */
    static Supplier<Upid> alreadyStarted() {
        return () -> {
            throw new IllegalStateException("the task was expected to be recorded already");
        };
    }

    /** Like {@link #task} for calls that run in the background only sometimes (config changes of QEMU guests). */
    Optional<TaskResult> maybeTask(String label, Hypervisor hypervisor, PveNodeConnection conn,
                                   Supplier<Optional<Upid>> start, Duration timeout) {
        String key = Operation.taskKey(currentStep(), label);
        if (data(key) == null) {
            Optional<Upid> started = start.get();
            if (started.isEmpty()) {
                checkpoint(key, "none");
                return Optional.empty();
            }
            checkpoint(key, started.get().raw() + "|" + now());
            awaiting(started.get());
        }
        if ("none".equals(data(key))) {
            return Optional.empty();
        }
        return Optional.of(task(label, hypervisor, conn, alreadyStarted(), timeout));
    }

    /** Waits, without holding a worker, for a task recorded elsewhere; {@code timeout} counts from the step's start. */
    TaskResult await(Hypervisor hypervisor, PveNodeConnection conn, Upid upid, Duration timeout) {
        Instant since = operation.currentStepStartedAt().orElse(now());
        return await(hypervisor, conn, upid, since, timeout, null);
    }

    private TaskResult await(Hypervisor hypervisor, PveNodeConnection conn, Upid upid, Instant since, Duration timeout,
                             String key) {
        Optional<TaskResult> result;
        try {
            result = hypervisor.pollTask(conn, upid);
        } catch (RuntimeException failed) {
            if (key != null && failed instanceof io.proxima.application.hypervisor.PveTaskFailedException) {
                checkpoint(key, null); // the task is over: a retry of the step starts a new one
            }
            throw failed;
        }
        if (result.isPresent()) {
            return result.get();
        }
        Instant now = now();
        Duration waited = Duration.between(since, now);
        if (waited.compareTo(timeout) >= 0) {
            throw new PveTimeoutException("task " + upid + " still running after " + timeout);
        }
        throw new Saga.CheckAgain(now.plus(runner.pollDelay(waited)), "waiting for " + upid.type() + " " + upid.id());
    }

    /** Looks again later (a lock to clear, a guest to appear), giving up after {@code timeout} from the step's start. */
    void checkAgainUnless(boolean ready, Duration timeout, String what) {
        if (ready) {
            return;
        }
        Instant now = now();
        Duration waited = Duration.between(operation.currentStepStartedAt().orElse(now), now);
        if (waited.compareTo(timeout) >= 0) {
            throw new io.proxima.application.hypervisor.PveLockTimeoutException(what + " after " + timeout, 0);
        }
        throw new Saga.CheckAgain(now.plus(runner.pollDelay(waited)), "waiting: " + what);
    }

    private String currentStep() {
        return operation.currentStep().map(OperationStep::name).orElseThrow();
    }

    /** The VM as currently stored. */
    Vm vm() {
        return runner.transactions().vm(operation.vmId());
    }

    /** Changes the VM in its own short transaction; a VM that enters {@code error} stops being charged. */
    Vm updateVm(Consumer<Vm> change) {
        io.proxima.domain.vm.VmStatus[] before = new io.proxima.domain.vm.VmStatus[1];
        Vm after = runner.transactions().updateVm(operation.vmId(), v -> {
            before[0] = v.status();
            change.accept(v);
        });
        if (after.status() == io.proxima.domain.vm.VmStatus.ERROR && before[0] != io.proxima.domain.vm.VmStatus.ERROR) {
            runner.enteredError(after);
        }
        return after;
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
