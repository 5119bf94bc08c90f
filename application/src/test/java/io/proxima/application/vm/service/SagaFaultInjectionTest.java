package io.proxima.application.vm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.application.hypervisor.PveParameterException;
import io.proxima.application.hypervisor.PveUnreachableException;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationStatus;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmEvent;
import io.proxima.domain.vm.VmStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault injection for every saga but provisioning (see ProvisionSagaTest): a permanent failure at
 * each PVE call, a transient one at each call (retried, then done), and a crash right after PVE
 * accepted the step's task (a successor resumes without doing it twice).
 */
class SagaFaultInjectionTest {

    private SagaHarness h;
    private Vm vm;

    @BeforeEach
    void setUp() {
        h = new SagaHarness();
        vm = h.runningVm("web-1");
    }

    private static RuntimeException permanent() {
        return new PveParameterException("Parameter verification failed.", 400, Map.of("x", "invalid"));
    }

    private static RuntimeException transientFault() {
        return new PveUnreachableException("connection reset by peer", 595);
    }

    private Operation runToEnd(Operation op) {
        return h.drive(h.runner(), op);
    }

    /** The runner dies right after PVE accepted {@code method}; another one resumes after the lease ran out. */
    private Operation crashAndResume(Operation op, String method) {
        h.pve.crashAfter.add(method);
        assertThatThrownBy(() -> h.runner().runDue()).isInstanceOf(FakeHypervisor.Crash.class);
        assertThat(h.reload(op).status().finished()).isFalse();
        OperationRunner successor = h.runner();
        assertThat(successor.runDue()).as("still leased by the dead runner").isZero();
        h.store.clock.advance(h.settings.lease().plusSeconds(1));
        return h.drive(successor, op);
    }

    private long calls(String method) {
        return h.pve.calls.stream().filter(method::equals).count();
    }

    // --- deletion ------------------------------------------------------------------------------

    private Operation delete() {
        h.store.vmRepository.update(mutate(vm(), v -> v.apply(VmEvent.DELETE, null, h.store.clock.instant())));
        return h.start(vm, OperationType.DELETE, DeleteSaga.STEPS, Map.of());
    }

    @ParameterizedTest(name = "permanent failure at {0}")
    @ValueSource(strings = {"clusterResources", "status", "power:stop", "pollTask:qmstop", "config", "destroy",
            "pollTask:qmdestroy"})
    void deletion_failing_for_good_leaves_the_vm_in_error_never_deleted(String method) {
        h.pve.failNext(method, permanent());
        Operation op = runToEnd(delete());

        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(vm().status()).isEqualTo(VmStatus.ERROR);
        assertThat(vm().statusReason()).startsWith("deletion failed");
        assertThat(h.store.meterEvents).as("charging paused when deletion was asked").contains("out:" + vm.id());
        assertThat(h.store.lifecycleEvents).doesNotContain("deleted:" + vm.id());
    }

    @ParameterizedTest(name = "transient failure at {0}")
    @ValueSource(strings = {"clusterResources", "status", "power:stop", "pollTask:qmstop", "config", "destroy",
            "pollTask:qmdestroy"})
    void deletion_rides_out_a_transient_failure_at_any_step(String method) {
        h.pve.failNext(method, transientFault());
        h.pve.failNext(method, transientFault());
        Operation op = runToEnd(delete());

        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(vm().status()).isEqualTo(VmStatus.DELETED);
        assertThat(h.pve.guests.keySet()).containsExactly(SagaHarness.TEMPLATE_VMID);
        assertThat(op.steps()).anySatisfy(s -> assertThat(s.attempts()).isGreaterThanOrEqualTo(3));
    }

    @ParameterizedTest(name = "crash after PVE accepted {0}")
    @ValueSource(strings = {"power:stop", "destroy"})
    void deletion_resumes_after_a_crash_without_acting_twice(String method) {
        Operation op = crashAndResume(delete(), method);
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(vm().status()).isEqualTo(VmStatus.DELETED);
        assertThat(calls(method)).isEqualTo(1);
        assertThat(h.pve.guests.keySet()).containsExactly(SagaHarness.TEMPLATE_VMID);
    }

    @Test
    void deletion_finds_a_guest_moved_to_another_node_and_destroys_it_there() {
        int vmid = h.vmid(vm);
        h.pve.moveBehindOurBack(vmid, "pve2");
        Operation op = runToEnd(delete());

        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(h.pve.guests).doesNotContainKey(vmid);
        assertThat(vm().status()).isEqualTo(VmStatus.DELETED);
    }

    @Test
    void deletion_that_cannot_prove_the_guest_is_gone_ends_in_error_and_destroys_nothing() {
        FakeHypervisor.Guest g = h.pve.guests.get(h.vmid(vm));
        g.tags.clear(); // an operator cleared the guest's tag and description
        g.owner = null;
        Operation op = runToEnd(delete());

        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(op.error()).contains("carries no Proxima id");
        assertThat(vm().status()).isEqualTo(VmStatus.ERROR);
        assertThat(h.pve.guests).containsKey(h.vmid(vm));
        assertThat(h.pve.calls).doesNotContain("destroy", "power:stop");
    }

    @Test
    void deletion_of_a_guest_that_vanished_is_proven_by_the_cluster_view() {
        h.pve.guests.remove(h.vmid(vm));
        Operation op = runToEnd(delete());
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(vm().status()).isEqualTo(VmStatus.DELETED);
    }

    @Test
    void a_reused_vmid_holding_a_stranger_is_never_stopped_or_destroyed() {
        int vmid = h.vmid(vm);
        h.pve.guests.remove(vmid);
        FakeHypervisor.Guest planted = new FakeHypervisor.Guest(vmid, "pve1",
                io.proxima.application.hypervisor.port.out.GuestType.QEMU);
        planted.owner = UUID.randomUUID();
        planted.tags.add("proxima-" + planted.owner);
        planted.state = PowerState.RUNNING;
        h.pve.guests.put(vmid, planted);

        Operation op = runToEnd(delete());
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(h.pve.guests.get(vmid)).isSameAs(planted);
        assertThat(planted.state).isEqualTo(PowerState.RUNNING);
        assertThat(h.pve.calls).doesNotContain("destroy", "power:stop");
    }

    // --- snapshots -----------------------------------------------------------------------------

    private Operation snapshot(OperationType type, String step) {
        return h.start(vm, type, List.of(step), Map.of(SnapshotSagas.NAME, "before-upgrade"));
    }

    @ParameterizedTest(name = "permanent failure at {0}")
    @ValueSource(strings = {"config", "snapshots", "createSnapshot", "pollTask:qmsnapshot"})
    void snapshot_failing_for_good_fails_the_operation_and_leaves_the_vm_as_it_was(String method) {
        h.pve.failNext(method, permanent());
        Operation op = runToEnd(snapshot(OperationType.SNAPSHOT, "create_snapshot"));
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(op.error()).isNotBlank();
        assertThat(vm().status()).isEqualTo(VmStatus.RUNNING);
    }

    @ParameterizedTest(name = "transient failure at {0}")
    @ValueSource(strings = {"config", "snapshots", "createSnapshot", "pollTask:qmsnapshot"})
    void snapshot_rides_out_a_transient_failure(String method) {
        h.pve.failNext(method, transientFault());
        Operation op = runToEnd(snapshot(OperationType.SNAPSHOT, "create_snapshot"));
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(h.pve.guests.get(h.vmid(vm)).snapshots).containsExactly("before-upgrade");
    }

    @Test
    void snapshot_resumes_after_a_crash_without_a_second_snapshot() {
        h.pve.taskLooks.put("qmsnapshot", 3);
        Operation op = crashAndResume(snapshot(OperationType.SNAPSHOT, "create_snapshot"), "createSnapshot");
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(calls("createSnapshot")).isEqualTo(1);
    }

    @Test
    void snapshot_delete_and_its_faults() {
        h.pve.guests.get(h.vmid(vm)).snapshots.add("before-upgrade");
        h.pve.failNext("deleteSnapshot", transientFault());
        Operation op = runToEnd(snapshot(OperationType.SNAPSHOT_DELETE, "delete_snapshot"));
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(h.pve.guests.get(h.vmid(vm)).snapshots).isEmpty();

        h.pve.guests.get(h.vmid(vm)).snapshots.add("before-upgrade");
        h.pve.failNext("deleteSnapshot", permanent());
        assertThat(runToEnd(snapshot(OperationType.SNAPSHOT_DELETE, "delete_snapshot")).status())
                .isEqualTo(OperationStatus.FAILED);
    }

    @Test
    void after_a_rollback_the_vm_is_in_the_state_pve_reports() {
        h.pve.guests.get(h.vmid(vm)).snapshots.add("before-upgrade");
        h.pve.afterRollback = PowerState.STOPPED;
        Operation op = runToEnd(snapshot(OperationType.ROLLBACK, "rollback"));
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(vm().status()).as("PVE has it stopped after the rollback").isEqualTo(VmStatus.STOPPED);
    }

    @Test
    void rollback_of_a_missing_snapshot_fails_without_touching_pve() {
        Operation op = runToEnd(snapshot(OperationType.ROLLBACK, "rollback"));
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(h.pve.calls).doesNotContain("rollbackSnapshot");
        assertThat(vm().status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void snapshot_of_a_stranger_at_the_vms_vmid_is_refused() {
        FakeHypervisor.Guest g = h.pve.guests.get(h.vmid(vm));
        g.owner = UUID.randomUUID();
        Operation op = runToEnd(snapshot(OperationType.SNAPSHOT, "create_snapshot"));
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(h.pve.calls).doesNotContain("createSnapshot");
    }

    // --- migration -----------------------------------------------------------------------------

    private Operation migrate() {
        return h.start(vm, OperationType.MIGRATE, MigrateSaga.STEPS, Map.of(MigrateSaga.TARGET_NODE_ID,
                UUID.randomUUID().toString(), MigrateSaga.TARGET_PVE_NODE, "pve2", MigrateSaga.SOURCE_PVE_NODE, "pve1"));
    }

    @ParameterizedTest(name = "permanent failure at {0}")
    @ValueSource(strings = {"migrate", "pollTask:qmigrate"})
    void migration_failing_for_good_keeps_the_vm_where_it_was(String method) {
        if (method.startsWith("pollTask")) {
            h.pve.failedTasks.put("qmigrate", h.pve.taskFailure("qmigrate",
                    io.proxima.application.hypervisor.PveTaskFailedException.Kind.OTHER));
        } else {
            h.pve.failNext(method, permanent());
        }
        Operation op = runToEnd(migrate());
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(vm().placement().orElseThrow().pveNode()).isEqualTo("pve1");
        assertThat(vm().status()).isEqualTo(VmStatus.RUNNING);
    }

    @ParameterizedTest(name = "transient failure at {0}")
    @ValueSource(strings = {"config", "migrate", "pollTask:qmigrate"})
    void migration_rides_out_a_transient_failure(String method) {
        h.pve.failNext(method, transientFault());
        Operation op = runToEnd(migrate());
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(vm().placement().orElseThrow().pveNode()).isEqualTo("pve2");
    }

    @Test
    void migration_resumes_after_a_crash_without_migrating_twice() {
        h.pve.taskLooks.put("qmigrate", 5);
        Operation op = crashAndResume(migrate(), "migrate");
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(calls("migrate")).isEqualTo(1);
        assertThat(vm().placement().orElseThrow().pveNode()).isEqualTo("pve2");
    }

    // --- resize --------------------------------------------------------------------------------

    private Plan bigger;

    private Operation resize() {
        bigger = h.plan(4, 4096, 40);
        return h.start(vm, OperationType.RESIZE, ResizeSaga.STEPS, Map.of(ResizeSaga.PLAN_ID, bigger.id().toString(),
                ResizeSaga.CORES, "4", ResizeSaga.MEMORY_MB, "4096", ResizeSaga.DISK_GB, "40"));
    }

    @ParameterizedTest(name = "permanent failure at {0}")
    @ValueSource(strings = {"config", "updateConfig", "resizeDisk"})
    void resize_failing_for_good_keeps_the_old_plan(String method) {
        h.pve.failNext(method, permanent());
        UUID oldPlan = vm().planId();
        Operation op = runToEnd(resize());
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(vm().planId()).isEqualTo(oldPlan);
        assertThat(h.metering).noneMatch(m -> m.startsWith("plan:"));
    }

    @ParameterizedTest(name = "transient failure at {0}")
    @ValueSource(strings = {"config", "updateConfig", "resizeDisk", "pollTask:resize"})
    void resize_rides_out_a_transient_failure(String method) {
        h.pve.failNext(method, transientFault());
        Operation op = runToEnd(resize());
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(vm().planId()).isEqualTo(bigger.id());
        assertThat(h.pve.guests.get(h.vmid(vm)).config).containsEntry("cores", "4");
        assertThat(h.pve.guests.get(h.vmid(vm)).config.get("scsi0")).contains("size=40G");
    }

    @Test
    void resize_resumes_after_a_crash_without_growing_twice() {
        h.pve.taskLooks.put("resize", 2);
        Operation op = crashAndResume(resize(), "resizeDisk");
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(calls("resizeDisk")).isEqualTo(1);
        assertThat(h.metering.stream().filter(m -> m.startsWith("plan:")).count()).isEqualTo(1);
    }

    // --- reinstall -----------------------------------------------------------------------------

    private int oldVmid;

    private Operation reinstall() {
        oldVmid = h.vmid(vm);
        h.store.vmRepository.update(mutate(vm(), v -> v.apply(VmEvent.REINSTALL, null, h.store.clock.instant())));
        return h.start(vm, OperationType.REINSTALL, ReinstallSaga.STEPS,
                Map.of(ReinstallSaga.OLD_VMID, Integer.toString(oldVmid)));
    }

    @ParameterizedTest(name = "permanent failure at {0}")
    @ValueSource(strings = {"power:stop", "destroy", "cloneGuest", "updateConfig", "tagAsOwned", "resizeDisk",
            "power:start"})
    void reinstall_failing_for_good_leaves_no_new_guest_and_the_vm_in_error(String method) {
        h.pve.failNext(method, permanent());
        Operation op = runToEnd(reinstall());
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(vm().status()).isEqualTo(VmStatus.ERROR);
        assertThat(h.pve.guests.keySet()).as("at most the old guest (when it was not destroyed yet) and the template")
                .allMatch(id -> id == SagaHarness.TEMPLATE_VMID || id == oldVmid);
        assertThat(h.store.meterEvents).as("a VM in error is not charged").contains("out:" + vm.id());
    }

    @ParameterizedTest(name = "transient failure at {0}")
    @ValueSource(strings = {"power:stop", "destroy", "cloneGuest", "updateConfig", "resizeDisk", "power:start"})
    void reinstall_rides_out_a_transient_failure(String method) {
        h.pve.failNext(method, transientFault());
        Operation op = runToEnd(reinstall());
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(vm().status()).isEqualTo(VmStatus.RUNNING);
        assertThat(h.pve.guests).hasSize(2);
    }

    @Test
    void reinstall_resumes_after_a_crash_after_the_clone_without_a_second_clone() {
        Operation op = crashAndResume(reinstall(), "cloneGuest");
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(calls("cloneGuest")).isEqualTo(1);
        assertThat(h.pve.guests).hasSize(2);
    }

    // --- helpers -------------------------------------------------------------------------------

    private Vm vm() {
        return h.vm(vm);
    }

    private static Vm mutate(Vm v, java.util.function.Consumer<Vm> change) {
        change.accept(v);
        return v;
    }

    @SuppressWarnings("unused")
    private static final Duration UNUSED = Duration.ZERO;
}
