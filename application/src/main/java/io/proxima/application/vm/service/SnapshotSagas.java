package io.proxima.application.vm.service;

import io.proxima.application.hypervisor.port.out.GuestRef;
import io.proxima.application.hypervisor.port.out.Hypervisor;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.Snapshot;
import io.proxima.application.hypervisor.port.out.Upid;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Placement;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmEvent;
import io.proxima.domain.vm.VmLifecycle;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.application.vm.port.out.NodeDirectory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Snapshot create, delete and rollback as one-step operations. Each step first looks at the
 * guest's snapshot list, so running it again after a crash does nothing twice.
 */
final class SnapshotSagas {

    static final String NAME = "snapshot_name";
    static final String DESCRIPTION = "snapshot_description";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private SnapshotSagas() {
    }

    abstract static class Base implements Saga {
        final Hypervisor hypervisor;
        final NodeDirectory nodes;

        Base(Hypervisor hypervisor, NodeDirectory nodes) {
            this.hypervisor = hypervisor;
            this.nodes = nodes;
        }

        @Override
        public List<String> compensation() {
            return List.of();
        }

        @Override
        public void failed(SagaRun run, String reason) {
            // The VM's state is untouched by snapshot work; the operation carries the error.
        }

        PveNodeConnection connection(Vm vm) {
            return nodes.target(vm.placement().orElseThrow().nodeId()).connection();
        }

        static GuestRef guest(Vm vm) {
            Placement p = vm.placement().orElseThrow();
            return Guests.at(vm, p.pveNode(), p.vmid());
        }

        boolean exists(Vm vm, String name) {
            return hypervisor.snapshots(connection(vm), guest(vm)).stream().map(Snapshot::name).anyMatch(name::equals);
        }

        /** Starts the step's task once (after the ownership check) and waits for it without holding a worker. */
        StepOutcome task(SagaRun run, Vm vm, java.util.function.Supplier<Upid> start) {
            run.task("snapshot", hypervisor, connection(vm), start, TIMEOUT);
            return StepOutcome.DONE;
        }

        /** Whether the step already started its task (then it only waits for it). */
        boolean started(SagaRun run) {
            return run.hasTask("snapshot");
        }

        void requireOwned(Vm vm) {
            Guests.requireOwned(hypervisor, connection(vm), guest(vm), vm.id().value());
        }
    }

    @jakarta.inject.Singleton
    static class Create extends Base {
        @Inject
        Create(Hypervisor hypervisor, NodeDirectory nodes) {
            super(hypervisor, nodes);
        }

        @Override
        public OperationType type() {
            return OperationType.SNAPSHOT;
        }

        @Override
        public List<String> steps() {
            return List.of("create_snapshot");
        }

        @Override
        public StepOutcome run(String step, SagaRun run) {
            Vm vm = run.vm();
            String name = run.data(NAME);
            if (!started(run)) {
                requireOwned(vm);
                if (exists(vm, name)) {
                    return StepOutcome.SKIPPED;
                }
            }
            return task(run, vm, () -> hypervisor.createSnapshot(connection(vm), guest(vm), name, run.data(DESCRIPTION)));
        }
    }

    @jakarta.inject.Singleton
    static class Delete extends Base {
        @Inject
        Delete(Hypervisor hypervisor, NodeDirectory nodes) {
            super(hypervisor, nodes);
        }

        @Override
        public OperationType type() {
            return OperationType.SNAPSHOT_DELETE;
        }

        @Override
        public List<String> steps() {
            return List.of("delete_snapshot");
        }

        @Override
        public StepOutcome run(String step, SagaRun run) {
            Vm vm = run.vm();
            String name = run.data(NAME);
            if (!started(run)) {
                requireOwned(vm);
                if (!exists(vm, name)) {
                    return StepOutcome.SKIPPED;
                }
            }
            return task(run, vm, () -> hypervisor.deleteSnapshot(connection(vm), guest(vm), name, vm.id().value()));
        }
    }

    @jakarta.inject.Singleton
    static class Rollback extends Base {
        @Inject
        Rollback(Hypervisor hypervisor, NodeDirectory nodes) {
            super(hypervisor, nodes);
        }

        @Override
        public OperationType type() {
            return OperationType.ROLLBACK;
        }

        @Override
        public List<String> steps() {
            return List.of("rollback");
        }

        @Override
        public StepOutcome run(String step, SagaRun run) {
            Vm vm = run.vm();
            String name = run.data(NAME);
            if (!started(run)) {
                requireOwned(vm);
                if (!exists(vm, name)) {
                    throw new PermanentFailure("snapshot " + name + " does not exist");
                }
            }
            task(run, vm, () -> hypervisor.rollbackSnapshot(connection(vm), guest(vm), name, vm.id().value()));
            // A rollback without RAM leaves the guest stopped (or as the snapshot had it): the VM
            // says what PVE now reports, not what it said before.
            PowerState state = hypervisor.status(connection(vm), guest(vm)).state();
            VmEvent observed = state == PowerState.STOPPED ? VmEvent.OBSERVED_STOPPED
                    : state == PowerState.RUNNING ? VmEvent.OBSERVED_RUNNING : null;
            if (observed != null) {
                run.updateVm(v -> {
                    if (VmLifecycle.next(v.status(), observed).filter(next -> next != v.status()).isPresent()) {
                        v.apply(observed, null, run.now());
                    }
                });
            }
            return StepOutcome.DONE;
        }
    }
}
