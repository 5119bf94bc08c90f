package io.proxima.application.vm.service;

import io.proxima.application.billing.port.in.MeteringUseCase;
import io.proxima.application.vm.OperationSettings;
import io.proxima.application.vm.port.out.PlanRepository;
import io.proxima.domain.billing.Money;
import io.proxima.domain.vm.GuestType;
import io.proxima.domain.vm.Hostname;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationStatus;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.ResourceSpec;
import io.proxima.domain.vm.Template;
import io.proxima.domain.vm.Vm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every saga wired to the in-memory store and the fake PVE, with helpers to get a VM running and
 * to start any operation on it as the use cases do.
 */
final class SagaHarness {

    static final int TEMPLATE_VMID = 9000;

    final InMemoryVmStore store = new InMemoryVmStore();
    FakeHypervisor pve = new FakeHypervisor().withTemplate("pve1", TEMPLATE_VMID);
    final Template template = new Template(UUID.randomUUID(), "Debian 12", GuestType.QEMU, "debian", TEMPLATE_VMID, null,
            null, 10, true, true, 0);
    final Map<UUID, Plan> plans = new HashMap<>();
    final List<String> metering = new ArrayList<>();
    OperationSettings settings = OperationSettings.defaults();

    SagaHarness() {
        store.templates.put(template.id(), template);
    }

    final PlanRepository planRepository = new PlanRepository() {
        @Override
        public Optional<Plan> find(UUID id) {
            return Optional.ofNullable(plans.get(id));
        }

        @Override
        public List<Plan> list(boolean activeOnly) {
            return List.copyOf(plans.values());
        }

        @Override
        public void insert(Plan plan) {
            plans.put(plan.id(), plan);
        }

        @Override
        public void update(Plan plan) {
            plans.put(plan.id(), plan);
        }
    };

    final MeteringUseCase meteringUseCase = new MeteringUseCase() {
        @Override
        public void ensureCanAfford(UUID ownerId, Money hourly) {
        }

        @Override
        public void start(StartMetering command) {
            metering.add("start:" + command.vmId());
        }

        @Override
        public void suspend(UUID vmId, Instant at, String reason) {
            metering.add("suspend:" + vmId);
        }

        @Override
        public void resume(UUID vmId, Instant at) {
            metering.add("resume:" + vmId);
        }

        @Override
        public void changePlan(UUID vmId, UUID planId, io.proxima.domain.billing.HourlyPricing pricing, Instant at) {
            metering.add("plan:" + vmId + ":" + planId);
        }

        @Override
        public void stop(UUID vmId, Instant at) {
            metering.add("stop:" + vmId);
        }
    };

    Plan plan(int cores, int memoryMb, int diskGb) {
        Money hourly = new Money(10, Currency.getInstance("EUR"));
        Plan p = new Plan(UUID.randomUUID(), "p" + cores + "-" + memoryMb, GuestType.QEMU, new ResourceSpec(cores, memoryMb, diskGb),
                1000, 5, hourly, new Money(5000, Currency.getInstance("EUR")), true, 0);
        plans.put(p.id(), p);
        return p;
    }

    OperationRunner runner() {
        return runner(Runnable::run);
    }

    OperationRunner runner(java.util.concurrent.Executor executor) {
        OperationTransactions tx = new OperationTransactions(store.operationRepository, store.vmRepository);
        return new OperationRunner(tx, store.clock, sagas(), null, settings, executor, store.lifecycle);
    }

    List<Saga> sagas() {
        PlacementService placement = new PlacementService(store.nodeDirectory, store.ipRepository, store.vmRepository,
                store.clock, store.readRepository);
        ProvisionSaga provision = new ProvisionSaga(pve, store.nodeDirectory, store.ipRepository, store.templateRepository,
                placement, store.lifecycle, store.cipher);
        DeleteSaga delete = new DeleteSaga(pve, store.nodeDirectory, store.ipRepository, store.lifecycle);
        VmBilling billing = new VmBilling(meteringUseCase, planRepository, () -> store.clock.instant());
        return List.of(provision, delete, new ReinstallSaga(provision, delete, placement),
                new ResizeSaga(pve, store.nodeDirectory, planRepository, billing), new MigrateSaga(pve, store.nodeDirectory),
                new SnapshotSagas.Create(pve, store.nodeDirectory), new SnapshotSagas.Delete(pve, store.nodeDirectory),
                new SnapshotSagas.Rollback(pve, store.nodeDirectory));
    }

    /** Orders a VM and runs its provisioning to the end. */
    Vm runningVm(String hostname) {
        Plan plan = plan(2, 2048, 25);
        Vm vm = Vm.order(UUID.randomUUID(), GuestType.QEMU, new Hostname(hostname), plan.id(), template.id(),
                plan.spec(), store.clock.instant());
        store.vmRepository.insert(vm);
        Operation op = Operation.start(vm.id(), vm.ownerId(), OperationType.PROVISION,
                List.of(ProvisionSaga.RESERVE, ProvisionSaga.CREATE, ProvisionSaga.AWAIT_CREATE, ProvisionSaga.CONFIGURE,
                        ProvisionSaga.RESIZE, ProvisionSaga.START, ProvisionSaga.AWAIT_START, ProvisionSaga.FINALIZE),
                Map.of(), store.clock.instant());
        store.operationRepository.insert(op);
        drive(runner(), op);
        if (reload(op).status() != OperationStatus.SUCCEEDED) {
            throw new AssertionError("provisioning failed: " + reload(op).error());
        }
        pve.calls.clear();
        return vm(vm);
    }

    /** Starts an operation on {@code vm} the way the use cases do (the VM already moved to its transient state). */
    Operation start(Vm vm, OperationType type, List<String> steps, Map<String, String> data) {
        Operation op = Operation.start(vm.id(), vm.ownerId(), type, steps, data, store.clock.instant());
        store.operationRepository.insert(op);
        return op;
    }

    /** Runs the operation until it ends, letting time pass for backoffs and task polls (bounded). */
    Operation drive(OperationRunner runner, Operation op) {
        for (int i = 0; i < 200 && !reload(op).status().finished(); i++) {
            runner.runDue();
            store.clock.advance(Duration.ofSeconds(20));
        }
        return reload(op);
    }

    Operation reload(Operation op) {
        return store.operationRepository.find(op.id()).orElseThrow();
    }

    Vm vm(Vm vm) {
        return store.vmRepository.find(vm.id()).orElseThrow();
    }

    int vmid(Vm vm) {
        return vm(vm).placement().orElseThrow().vmid();
    }
}
