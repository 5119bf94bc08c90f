package io.proxima.domain.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.shared.StateConflictException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VmLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void the_documented_paths_exist() {
        assertThat(VmLifecycle.next(VmStatus.PROVISIONING, VmEvent.PROVISIONED_RUNNING)).contains(VmStatus.RUNNING);
        assertThat(VmLifecycle.next(VmStatus.PROVISIONING, VmEvent.PROVISIONED_STOPPED)).contains(VmStatus.STOPPED);
        assertThat(VmLifecycle.next(VmStatus.RUNNING, VmEvent.STOP)).contains(VmStatus.STOPPED);
        assertThat(VmLifecycle.next(VmStatus.STOPPED, VmEvent.START)).contains(VmStatus.RUNNING);
        assertThat(VmLifecycle.next(VmStatus.RUNNING, VmEvent.PAUSE)).contains(VmStatus.PAUSED);
        assertThat(VmLifecycle.next(VmStatus.PAUSED, VmEvent.RESUME)).contains(VmStatus.RUNNING);
        assertThat(VmLifecycle.next(VmStatus.SUSPENDED, VmEvent.UNSUSPEND)).contains(VmStatus.STOPPED);
        assertThat(VmLifecycle.next(VmStatus.DELETING, VmEvent.DESTROYED)).contains(VmStatus.DELETED);
        assertThat(VmLifecycle.next(VmStatus.ERROR, VmEvent.RETRY)).contains(VmStatus.PROVISIONING);
        assertThat(VmLifecycle.next(VmStatus.ERROR, VmEvent.DELETE)).contains(VmStatus.DELETING);
    }

    @ParameterizedTest
    @EnumSource(value = VmStatus.class, names = {"RUNNING", "STOPPED", "PAUSED"})
    void every_live_state_can_be_suspended_and_deleted(VmStatus from) {
        assertThat(VmLifecycle.next(from, VmEvent.SUSPEND)).contains(VmStatus.SUSPENDED);
        assertThat(VmLifecycle.next(from, VmEvent.DELETE)).contains(VmStatus.DELETING);
    }

    @Test
    void deleted_is_terminal() {
        assertThat(VmLifecycle.allowed(VmStatus.DELETED)).isEmpty();
    }

    @Test
    void illegal_actions_are_refused() {
        Map<VmStatus, EnumSet<VmEvent>> refused = Map.of(
                VmStatus.STOPPED, EnumSet.of(VmEvent.STOP, VmEvent.SHUTDOWN, VmEvent.PAUSE, VmEvent.RESTART, VmEvent.RESUME),
                VmStatus.RUNNING, EnumSet.of(VmEvent.START, VmEvent.RESUME, VmEvent.UNSUSPEND),
                VmStatus.SUSPENDED, EnumSet.of(VmEvent.START, VmEvent.RESTART, VmEvent.REINSTALL),
                VmStatus.PROVISIONING, EnumSet.of(VmEvent.START, VmEvent.STOP, VmEvent.REINSTALL),
                VmStatus.DELETING, EnumSet.of(VmEvent.START, VmEvent.RETRY));
        refused.forEach((status, events) -> events.forEach(e ->
                assertThat(VmLifecycle.next(status, e)).as(status + " + " + e).isEmpty()));
    }

    @Test
    void an_illegal_transition_is_a_state_conflict_with_the_current_state() {
        Vm vm = Vm.order(UUID.randomUUID(), GuestType.QEMU, new Hostname("web-1"), UUID.randomUUID(), UUID.randomUUID(),
                new ResourceSpec(1, 1024, 10), T0);
        vm.apply(VmEvent.PROVISIONED_STOPPED, null, T0);
        assertThatThrownBy(() -> vm.apply(VmEvent.STOP, null, T0))
                .isInstanceOf(StateConflictException.class)
                .satisfies(e -> assertThat(((StateConflictException) e).details()).isEqualTo(Map.of("current_state", "stopped")));
        assertThat(vm.status()).isEqualTo(VmStatus.STOPPED);
    }

    @Test
    void error_and_suspension_keep_their_reason_and_other_states_clear_it() {
        Vm vm = Vm.order(UUID.randomUUID(), GuestType.LXC, new Hostname("ct"), UUID.randomUUID(), null,
                new ResourceSpec(1, 512, 8), T0);
        vm.apply(VmEvent.FAIL, "clone failed: storage full", T0.plusSeconds(1));
        assertThat(vm.status()).isEqualTo(VmStatus.ERROR);
        assertThat(vm.statusReason()).isEqualTo("clone failed: storage full");
        vm.apply(VmEvent.RETRY, null, T0.plusSeconds(2));
        assertThat(vm.statusReason()).isNull();
        vm.apply(VmEvent.PROVISIONED_RUNNING, null, T0.plusSeconds(3));
        vm.apply(VmEvent.SUSPEND, "balance exhausted", T0.plusSeconds(4));
        assertThat(vm.statusReason()).isEqualTo("balance exhausted");
        vm.apply(VmEvent.UNSUSPEND, null, T0.plusSeconds(5));
        assertThat(vm.status()).isEqualTo(VmStatus.STOPPED);
        assertThat(vm.statusReason()).isNull();
        assertThat(vm.updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void reconciliation_drift_and_vanished_guests() {
        Vm vm = Vm.order(UUID.randomUUID(), GuestType.QEMU, new Hostname("db"), UUID.randomUUID(), UUID.randomUUID(),
                new ResourceSpec(2, 2048, 20), T0);
        vm.apply(VmEvent.PROVISIONED_RUNNING, null, T0);
        vm.apply(VmEvent.OBSERVED_STOPPED, null, T0);
        assertThat(vm.status()).isEqualTo(VmStatus.STOPPED);
        vm.apply(VmEvent.OBSERVED_MISSING, "missing in PVE", T0);
        assertThat(vm.status()).isEqualTo(VmStatus.ERROR);
        assertThat(vm.statusReason()).isEqualTo("missing in PVE");
        // A suspended guest seen stopped stays suspended: suspension is Proxima's decision.
        Vm s = Vm.order(UUID.randomUUID(), GuestType.QEMU, new Hostname("s"), UUID.randomUUID(), null,
                new ResourceSpec(1, 512, 5), T0);
        s.apply(VmEvent.PROVISIONED_RUNNING, null, T0);
        s.apply(VmEvent.SUSPEND, "billing", T0);
        assertThat(s.apply(VmEvent.OBSERVED_STOPPED, "billing", T0)).isEqualTo(VmStatus.SUSPENDED);
        assertThat(s.allows(VmEvent.OBSERVED_RUNNING)).isFalse();
    }
}
