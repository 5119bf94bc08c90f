package io.proxima.application.vm.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.application.hypervisor.PveException;
import io.proxima.application.hypervisor.PveNotFoundException;
import io.proxima.application.hypervisor.PveParameterException;
import io.proxima.application.hypervisor.PveTaskFailedException;
import io.proxima.application.hypervisor.PveUnreachableException;
import io.proxima.application.hypervisor.port.out.Upid;
import io.proxima.application.vm.OperationSettings;
import io.proxima.domain.vm.GuestType;
import io.proxima.domain.vm.Hostname;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationStatus;
import io.proxima.domain.vm.OperationStep;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmId;
import io.proxima.domain.vm.VmStatus;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The runner's guarantees: workers are never held by a wait, leases are short and renewed, faults are classified. */
class OperationRunnerTest {

    private final SagaHarness h = new SagaHarness();

    private Operation order(String hostname) {
        Vm vm = Vm.order(UUID.randomUUID(), GuestType.QEMU, new Hostname(hostname), h.plan(2, 2048, 25).id(),
                h.template.id(), new io.proxima.domain.vm.ResourceSpec(2, 2048, 25), h.store.clock.instant());
        h.store.vmRepository.insert(vm);
        return h.start(vm, OperationType.PROVISION, List.of(ProvisionSaga.RESERVE, ProvisionSaga.CREATE,
                ProvisionSaga.AWAIT_CREATE, ProvisionSaga.CONFIGURE, ProvisionSaga.RESIZE, ProvisionSaga.START,
                ProvisionSaga.AWAIT_START, ProvisionSaga.FINALIZE), Map.of());
    }

    private OperationStep current(Operation op) {
        Operation o = h.reload(op);
        return o.steps().get(o.currentIndex());
    }

    @Test
    void a_long_pve_task_does_not_hold_a_worker_and_any_runner_continues_it() {
        h.pve.taskLooks.put("qmclone", 4);
        Operation op = order("long-clone");
        OperationRunner first = h.runner();
        first.runDue();

        Operation waiting = h.reload(op);
        assertThat(waiting.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(current(op).name()).isEqualTo(ProvisionSaga.AWAIT_CREATE);
        assertThat(current(op).state()).isEqualTo(OperationStep.State.WAITING);
        assertThat(waiting.nextRunAt()).isAfter(h.store.clock.instant());
        assertThat(h.store.leaseHolder).as("the claim was let go while PVE works").doesNotContainKey(op.id());
        assertThat(first.busyWorkers()).isZero();
        assertThat(first.runDue()).as("not looked at again before it is due").isZero();

        OperationRunner other = h.runner();
        Operation done = h.drive(other, op);
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.steps().stream().filter(s -> s.name().equals(ProvisionSaga.AWAIT_CREATE)).findFirst().orElseThrow()
                .attempts()).as("looking at a running task again is not a new attempt").isEqualTo(1);
        assertThat(h.pve.calls.stream().filter("pollTask:qmclone"::equals).count()).isEqualTo(5);
    }

    @Test
    void operations_run_in_parallel_up_to_the_concurrency_and_only_that_many_are_claimed() throws Exception {
        h.settings = new OperationSettings(2, Duration.ofSeconds(60), 6, 10, Duration.ofSeconds(1), Duration.ofSeconds(10));
        CountDownLatch bothInside = new CountDownLatch(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        h.pve.afterHooks.put("pollTask:qmclone", () -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            bothInside.countDown();
            try {
                bothInside.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Operation a = order("par-a");
            Operation b = order("par-b");
            Operation c = order("par-c");
            OperationRunner runner = h.runner(pool);
            assertThat(runner.runDue()).as("claims only as many as it has free workers").isEqualTo(2);
            assertThat(bothInside.await(10, TimeUnit.SECONDS)).as("two operations in PVE at the same time").isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && !List.of(a, b, c).stream().allMatch(o -> h.reload(o).status().finished())) {
                runner.runDue();
                Thread.sleep(20);
                h.store.clock.advance(Duration.ofSeconds(5));
            }
            assertThat(List.of(a, b, c)).allMatch(o -> h.reload(o).status() == OperationStatus.SUCCEEDED);
            assertThat(most.get()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_dead_runners_operation_is_taken_over_after_one_short_lease() {
        Operation op = order("orphan");
        h.pve.crashAfter.add("cloneGuest");
        try {
            h.runner().runDue();
        } catch (FakeHypervisor.Crash expected) {
            // the process died right after PVE accepted the clone
        }
        OperationRunner successor = h.runner();
        assertThat(successor.runDue()).isZero();
        h.store.clock.advance(h.settings.lease().plusSeconds(1));
        assertThat(h.drive(successor, op).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(h.pve.calls.stream().filter("cloneGuest"::equals).count()).isEqualTo(1);
    }

    @Test
    void the_heartbeat_keeps_a_live_runners_claim_while_a_step_runs() {
        Operation op = order("slow-call");
        OperationRunner[] live = new OperationRunner[1];
        AtomicBoolean stolen = new AtomicBoolean();
        h.pve.afterHooks.put("cloneGuest", () -> {
            // The clone call itself takes long (a slow PVE): two heartbeats pass meanwhile.
            for (int i = 0; i < 3; i++) {
                h.store.clock.advance(Duration.ofSeconds(40));
                live[0].renewLeases();
            }
            stolen.set(h.runner().runDue() > 0);
        });
        live[0] = h.runner();
        live[0].runDue();
        assertThat(stolen).as("nobody took over a claim that is renewed").isFalse();
        assertThat(h.drive(live[0], op).status()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void a_database_failure_in_the_loop_releases_the_claim_at_once() {
        Operation op = order("db-blip");
        AtomicBoolean failOnce = new AtomicBoolean(true);
        OperationTransactions tx = new OperationTransactions(h.store.operationRepository, h.store.vmRepository) {
            @Override
            public boolean saveIfHeld(Operation o, String worker, Instant leaseUntil) {
                if (failOnce.getAndSet(false)) {
                    throw new IllegalStateException("pool", new SQLException("connection lost"));
                }
                return super.saveIfHeld(o, worker, leaseUntil);
            }
        };
        OperationRunner runner = new OperationRunner(tx, h.store.clock, h.sagas(), null, h.settings, Runnable::run, null);
        runner.runDue();
        assertThat(h.store.leaseHolder).as("claim given back, not left to expire").doesNotContainKey(op.id());
        assertThat(h.drive(runner, op).status()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void a_database_error_inside_a_step_is_transient_not_the_steps_failure() {
        Operation op = order("db-in-step");
        AtomicInteger reads = new AtomicInteger();
        OperationTransactions tx = new OperationTransactions(h.store.operationRepository, h.store.vmRepository) {
            @Override
            public Vm vm(VmId id) {
                if (reads.incrementAndGet() == 2) {
                    throw new IllegalStateException("tx", new SQLException("terminating connection due to administrator command"));
                }
                return super.vm(id);
            }
        };
        OperationRunner runner = new OperationRunner(tx, h.store.clock, h.sagas(), null, h.settings, Runnable::run, null);
        runner.runDue();
        Operation after = h.reload(op);
        assertThat(after.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(after.error()).contains("attempt 1 of 6").contains("database unavailable");
        assertThat(h.drive(runner, op).status()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void the_retry_budget_is_configurable_and_shown_on_the_step() {
        h.settings = new OperationSettings(4, Duration.ofSeconds(60), 2, 10, Duration.ofSeconds(1), Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            h.pve.failNext("cloneGuest", new PveUnreachableException("connection reset", 595));
        }
        Operation op = h.drive(h.runner(), order("budget"));
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        OperationStep create = op.steps().stream().filter(s -> s.name().equals(ProvisionSaga.CREATE)).findFirst().orElseThrow();
        assertThat(create.attempts()).isEqualTo(2);
        assertThat(h.pve.calls.stream().filter("cloneGuest"::equals).count()).isEqualTo(2);
    }

    @Test
    void a_cleanup_is_retried_on_any_failure_until_it_succeeds() {
        PveParameterException bad = new PveParameterException("Parameter verification failed.", 400, Map.of("x", "bad"));
        h.pve.failNext("power:start", bad);
        h.pve.failNext("destroy", new PveException("storage busy", 500));
        h.pve.failNext("destroy", bad);
        Operation op = h.drive(h.runner(), order("cleanup"));
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(op.get(OperationRunner.HUMAN_NEEDED)).isEmpty();
        assertThat(h.pve.guests.keySet()).as("the partial guest is gone").containsExactly(SagaHarness.TEMPLATE_VMID);
        assertThat(h.vm(h.store.vmRepository.find(op.vmId()).orElseThrow()).status()).isEqualTo(VmStatus.ERROR);
    }

    @Test
    void a_cleanup_that_gives_up_says_a_human_is_needed() {
        PveParameterException bad = new PveParameterException("Parameter verification failed.", 400, Map.of("x", "bad"));
        h.pve.failNext("power:start", bad);
        for (int i = 0; i < h.settings.compensationAttempts(); i++) {
            h.pve.failNext("destroy", bad);
        }
        Operation op = h.drive(h.runner(), order("stuck"));
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(op.error()).contains("a human must finish it");
        assertThat(op.get(OperationRunner.HUMAN_NEEDED)).contains(ProvisionSaga.DESTROY);
        Vm vm = h.store.vmRepository.find(op.vmId()).orElseThrow();
        assertThat(vm.status()).isEqualTo(VmStatus.ERROR);
        assertThat(vm.statusReason()).contains("a human must finish it");
    }

    @Test
    void pve_faults_are_classified_as_transient_or_permanent() {
        Upid upid = Upid.parse("UPID:pve1:00001234:00000042:65920000:qmclone:100:root@pam:");
        assertThat(Faults.isTransient(new PveUnreachableException("connection reset", 0))).isTrue();
        assertThat(Faults.isTransient(new PveException("unexpected failure", 500))).as("a 5xx PVE gives no reason for").isTrue();
        assertThat(Faults.isTransient(new PveException("disk quota exceeded", 500))).isFalse();
        assertThat(Faults.isTransient(new PveException("unable to create VM 4242 - storage 'local-lvm' is full", 500)))
                .as("a full storage does not empty itself between retries").isFalse();
        assertThat(Faults.isTransient(new PveParameterException("bad", 400, Map.of()))).isFalse();
        assertThat(Faults.isTransient(new PveNotFoundException("does not exist", 500))).isFalse();
        assertThat(Faults.isTransient(new PveTaskFailedException(upid, "got timeout", PveTaskFailedException.Kind.TRANSIENT,
                List.of()))).isTrue();
        assertThat(Faults.isTransient(new PveTaskFailedException(upid, "boom", PveTaskFailedException.Kind.OTHER, List.of())))
                .isFalse();
        assertThat(Faults.isTransient(new RuntimeException(new SQLException("connection refused")))).isTrue();
        assertThat(Faults.isTransient(new IllegalArgumentException("a bug"))).isFalse();
    }
}
