package io.proxima.application.vm.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.application.hypervisor.port.out.ClusterResource;
import io.proxima.application.hypervisor.port.out.GuestType;
import io.proxima.application.hypervisor.port.out.PowerState;
import io.proxima.application.hypervisor.port.out.PveNodeConnection;
import io.proxima.application.hypervisor.port.out.PveTlsTrust;
import io.proxima.application.hypervisor.port.out.ResourceKind;
import io.proxima.application.node.service.NodeTransactions;
import io.proxima.domain.node.Node;
import io.proxima.domain.node.NodeStatus;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmEvent;
import io.proxima.domain.vm.VmStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reconciliation against the fake PVE: drift, vanished guests, unmanaged guests, planted guests, races. */
class ReconciliationServiceTest {

    private SagaHarness h;
    private Vm vm;
    private ReconciliationService reconciliation;
    /** Runs once right after PVE was read (before the database is), to stage a race. */
    private Runnable afterPveRead;

    @BeforeEach
    void setUp() {
        h = new SagaHarness();
        vm = h.runningVm("web-1");
        reconciliation = new ReconciliationService(nodes(), h.store.readRepository,
                new VmTransactions(h.store.vmRepository, h.store.operationRepository, h.store.clock),
                new RacingPve(), new AlwaysClaims(), h.store.clock,
                new OperationTransactions(h.store.operationRepository, h.store.vmRepository), h.store.lifecycle);
    }

    /** The harness's PVE as reconciliation reads it, with a hook right after the read to stage a race. */
    private final class RacingPve extends FakeHypervisor {
        @Override
        public List<ClusterResource> clusterResources(PveNodeConnection conn, ResourceKind kind) {
            List<ClusterResource> seen = h.pve.clusterResources(conn, kind);
            Runnable race = afterPveRead;
            afterPveRead = null;
            if (race != null) {
                race.run();
            }
            return seen;
        }
    }

    private NodeTransactions nodes() {
        Node.Settings settings = new Node.Settings("pve1", "pve1", "https://127.0.0.1:8006", "root@pam!proxima", null, false,
                "eu", 1.0, 1.0, "local-lvm", "vmbr0", true);
        Node node = Node.reconstitute(h.store.nodeId, settings, "secret", NodeStatus.ONLINE, h.store.clock.instant(), 65536,
                32, "9.1", 0, 0L, h.store.clock.instant(), h.store.clock.instant());
        return new NodeTransactions(null, null, null) {
            @Override
            public List<Node> enabledNodes() {
                return List.of(node);
            }

            @Override
            public PveNodeConnection connection(UUID id) {
                return PveNodeConnection.withToken("https://127.0.0.1:8006", "root@pam!proxima", "s", PveTlsTrust.system());
            }
        };
    }

    private FakeHypervisor.Guest guest() {
        return h.pve.guests.get(h.vmid(vm));
    }

    private Vm vm() {
        return h.vm(vm);
    }

    private void later() {
        h.store.clock.advance(Duration.ofSeconds(30));
    }

    @Test
    void power_drift_is_applied() {
        guest().state = PowerState.STOPPED;
        later();
        var report = reconciliation.reconcile();
        assertThat(report.drifted()).isEqualTo(1);
        assertThat(vm().status()).isEqualTo(VmStatus.STOPPED);
    }

    @Test
    void a_vanished_guest_marks_the_vm_missing_and_stops_charging_and_its_return_resumes_it() {
        FakeHypervisor.Guest mine = h.pve.guests.remove(h.vmid(vm));
        later();
        reconciliation.reconcile();
        assertThat(vm().status()).isEqualTo(VmStatus.ERROR);
        assertThat(vm().statusReason()).isEqualTo(ReconciliationService.MISSING);
        assertThat(h.store.meterEvents).containsExactly("out:" + vm.id());

        h.pve.guests.put(mine.vmid, mine); // e.g. the node came back
        later();
        reconciliation.reconcile();
        assertThat(vm().status()).isEqualTo(VmStatus.RUNNING);
        assertThat(h.store.meterEvents).containsExactly("out:" + vm.id(), "in:" + vm.id());
    }

    @Test
    void a_planted_guest_at_the_reused_vmid_is_never_adopted_and_is_reported_unmanaged() {
        int vmid = h.vmid(vm);
        h.pve.guests.remove(vmid);
        later();
        reconciliation.reconcile();
        assertThat(vm().status()).isEqualTo(VmStatus.ERROR);

        // PVE hands the lowest free vmid to someone else's guest, without Proxima's id.
        FakeHypervisor.Guest stranger = new FakeHypervisor.Guest(vmid, "pve1", GuestType.QEMU);
        stranger.config.put("name", "not-ours");
        stranger.state = PowerState.RUNNING;
        h.pve.guests.put(vmid, stranger);
        later();
        reconciliation.reconcile();

        assertThat(vm().status()).as("still missing: the stranger is not the VM's guest").isEqualTo(VmStatus.ERROR);
        assertThat(vm().statusReason()).isEqualTo(ReconciliationService.MISSING);
        assertThat(reconciliation.unmanagedGuests()).extracting(g -> g.vmid()).contains(vmid);
        assertThat(h.store.meterEvents).doesNotContain("in:" + vm.id());
    }

    @Test
    void a_swap_within_one_period_is_seen_as_missing_not_as_the_same_guest() {
        int vmid = h.vmid(vm);
        h.pve.guests.remove(vmid);
        FakeHypervisor.Guest stranger = new FakeHypervisor.Guest(vmid, "pve1", GuestType.QEMU);
        stranger.state = PowerState.RUNNING;
        h.pve.guests.put(vmid, stranger);
        later();
        reconciliation.reconcile();
        assertThat(vm().status()).isEqualTo(VmStatus.ERROR);
        assertThat(reconciliation.unmanagedGuests()).extracting(g -> g.vmid()).contains(vmid);
    }

    @Test
    void a_vm_changed_after_pve_was_read_is_not_reverted() {
        later();
        // The customer stops the VM: PVE is read while it still runs, the stop completes before the DB read.
        afterPveRead = () -> {
            h.store.clock.advance(Duration.ofSeconds(1));
            guest().state = PowerState.STOPPED;
            Vm v = vm();
            v.apply(VmEvent.OBSERVED_STOPPED, null, h.store.clock.instant());
            h.store.vmRepository.update(v);
        };
        reconciliation.reconcile();
        assertThat(vm().status()).as("the snapshot saw it running, but is older than the stop").isEqualTo(VmStatus.STOPPED);
    }

    @Test
    void a_vm_with_an_operation_in_flight_is_left_to_its_operation() {
        h.start(vm, OperationType.SNAPSHOT, List.of("create_snapshot"), Map.of(SnapshotSagas.NAME, "s1"));
        guest().state = PowerState.STOPPED;
        later();
        reconciliation.reconcile();
        assertThat(vm().status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void an_operation_started_between_the_reads_and_the_correction_wins() {
        guest().state = PowerState.STOPPED;
        later();
        // The operation starts after the busy set was read: the correction re-checks in its transaction.
        h.store.operationRepository.insert(Operation.start(vm.id(), vm.ownerId(), OperationType.SNAPSHOT,
                List.of("create_snapshot"), Map.of(SnapshotSagas.NAME, "s1"), h.store.clock.instant()));
        var applied = new OperationTransactions(h.store.operationRepository, h.store.vmRepository)
                .observe(vm.id(), vm().version(), VmEvent.OBSERVED_STOPPED, null, h.store.clock.instant());
        assertThat(applied).isEmpty();
        assertThat(vm().status()).isEqualTo(VmStatus.RUNNING);
    }

    /** A job claim that always succeeds: these tests drive one reconciliation at a time. */
    private static final class AlwaysClaims implements io.proxima.application.shared.port.out.PeriodicJobs {
        @Override
        public boolean claim(String job, java.time.Instant periodStart) {
            return true;
        }

        @Override
        public int purgeClaimedBefore(java.time.Instant cutoff) {
            return 0;
        }
    }
}
