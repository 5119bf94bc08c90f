package io.proxima.application.vm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.application.hypervisor.PveParameterException;
import io.proxima.application.hypervisor.PveTaskFailedException;
import io.proxima.application.hypervisor.PveUnreachableException;
import io.proxima.domain.vm.GuestType;
import io.proxima.domain.vm.Hostname;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationStatus;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.ResourceSpec;
import io.proxima.domain.vm.Template;
import io.proxima.domain.vm.Vm;
import io.proxima.domain.vm.VmStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProvisionSagaTest {

    private static final int TEMPLATE_VMID = 9000;

    private InMemoryVmStore store;
    private FakeHypervisor pve;
    private Template template;

    @BeforeEach
    void setUp() {
        store = new InMemoryVmStore();
        pve = new FakeHypervisor().withTemplate("pve1", TEMPLATE_VMID);
        template = new Template(UUID.randomUUID(), "Debian 12", GuestType.QEMU, "debian", TEMPLATE_VMID, null, null, 10, true, true, 0);
        store.templates.put(template.id(), template);
    }

    private OperationRunner runner() {
        OperationTransactions tx = new OperationTransactions(store.operationRepository, store.vmRepository);
        PlacementService placement = new PlacementService(store.nodeDirectory, store.ipRepository, store.vmRepository, store.clock,
                store.readRepository);
        ProvisionSaga saga = new ProvisionSaga(pve, store.nodeDirectory, store.ipRepository, store.templateRepository,
                placement, store.lifecycle, store.cipher);
        return new OperationRunner(tx, store.clock, List.of(saga));
    }

    private Operation order(String hostname) {
        Vm vm = Vm.order(UUID.randomUUID(), GuestType.QEMU, new Hostname(hostname), UUID.randomUUID(), template.id(),
                new ResourceSpec(2, 2048, 25), store.clock.instant());
        store.vmRepository.insert(vm);
        Map<String, String> data = new HashMap<>();
        data.put(ProvisionSaga.SSH_KEYS, "ssh-ed25519 AAAAC3Nza... alice");
        data.put(ProvisionSaga.PASSWORD, store.cipher.encrypt("s3cret-Pass"));
        Operation op = Operation.start(vm.id(), vm.ownerId(), OperationType.PROVISION, new ProvisionSaga(null, null, null,
                null, null, null, null).steps(), data, store.clock.instant());
        store.operationRepository.insert(op);
        return op;
    }

    private Vm vmOf(Operation op) {
        return store.vmRepository.find(op.vmId()).orElseThrow();
    }

    private Operation reload(Operation op) {
        return store.operationRepository.find(op.id()).orElseThrow();
    }

    @Test
    void provisions_a_running_tagged_guest_and_tells_billing() {
        Operation op = order("web-1");
        runner().runDue();

        Operation done = reload(op);
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        Vm vm = vmOf(op);
        assertThat(vm.status()).isEqualTo(VmStatus.RUNNING);
        int vmid = vm.placement().orElseThrow().vmid();
        FakeHypervisor.Guest guest = pve.guests.get(vmid);
        assertThat(guest.owner).isEqualTo(vm.id().value());
        assertThat(guest.tags).contains("proxima-" + vm.id());
        assertThat(guest.config).containsEntry("cores", "2").containsEntry("memory", "2048")
                .containsEntry("ipconfig0", "ip=198.51.100.10/24,gw=198.51.100.1")
                .containsEntry("cipassword", "s3cret-Pass");
        assertThat(guest.config.get("scsi0")).contains("size=25G");
        assertThat(guest.state).isEqualTo(io.proxima.application.hypervisor.port.out.PowerState.RUNNING);
        assertThat(vm.ipAddresses()).containsExactly("198.51.100.10");
        assertThat(done.get(ProvisionSaga.PASSWORD)).as("password is forgotten once PVE has it").isEmpty();
        assertThat(store.lifecycleEvents).containsExactly("provisioned:" + vm.id());
        assertThat(done.steps()).extracting(s -> s.state().wireName()).doesNotContain("failed", "pending");
    }

    static Stream<Arguments> failurePoints() {
        PveParameterException bad = new PveParameterException("Parameter verification failed.", 400, Map.of("memory", "invalid"));
        return Stream.of(
                Arguments.of("cloneGuest", bad, false),
                Arguments.of("awaitTask:qmclone", null, true),
                Arguments.of("updateConfig", bad, true),
                Arguments.of("tagAsOwned", bad, true),
                Arguments.of("resizeDisk", bad, true),
                Arguments.of("power:start", bad, true),
                Arguments.of("awaitTask:qmstart", null, true));
    }

    @ParameterizedTest(name = "permanent failure at {0}")
    @MethodSource("failurePoints")
    void a_permanent_failure_at_any_step_is_fully_compensated(String method, RuntimeException failure, boolean guestExisted) {
        if (failure == null) {
            String type = method.substring("awaitTask:".length());
            pve.failedTasks.put(type, pve.taskFailure(type, PveTaskFailedException.Kind.OTHER));
        } else {
            pve.failNext(method, failure);
        }
        Operation op = order("db-1");
        runner().runDue();

        Operation after = reload(op);
        Vm vm = vmOf(op);
        assertThat(after.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(after.error()).isNotBlank();
        assertThat(vm.status()).isEqualTo(VmStatus.ERROR);
        assertThat(vm.statusReason()).isEqualTo(after.error());
        assertThat(pve.guests.keySet()).as("no guest of ours is left in PVE").containsExactly(TEMPLATE_VMID);
        assertThat(store.addressHolders).as("the IP address is free again").isEmpty();
        assertThat(store.lifecycleEvents).containsExactly("failed:" + vm.id());
        if (guestExisted) {
            assertThat(pve.calls).contains("destroy");
        }
    }

    @Test
    void transient_failures_are_retried_with_backoff_then_succeed() {
        pve.failNext("cloneGuest", new PveUnreachableException("connection refused", 595));
        pve.failNext("cloneGuest", new PveUnreachableException("connection refused", 595));
        Operation op = order("retry-1");
        OperationRunner runner = runner();
        runner.runDue();
        assertThat(reload(op).status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(reload(op).error()).contains("connection refused");
        assertThat(runner.runDue()).as("not due before the backoff").isZero();
        store.clock.advance(Duration.ofMinutes(1));
        runner.runDue();
        store.clock.advance(Duration.ofMinutes(1));
        runner.runDue();
        assertThat(reload(op).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(vmOf(op).status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void transient_failures_that_never_end_compensate_after_the_attempt_limit() {
        for (int i = 0; i < OperationRunner.MAX_ATTEMPTS; i++) {
            pve.failNext("power:start", new PveUnreachableException("no route to host", 595));
        }
        Operation op = order("flaky");
        OperationRunner runner = runner();
        for (int i = 0; i < 20 && !reload(op).status().finished(); i++) {
            runner.runDue();
            store.clock.advance(Duration.ofMinutes(2));
        }
        assertThat(reload(op).status()).isEqualTo(OperationStatus.FAILED);
        assertThat(vmOf(op).status()).isEqualTo(VmStatus.ERROR);
        assertThat(pve.guests.keySet()).containsExactly(TEMPLATE_VMID);
    }

    @Test
    void a_crash_after_pve_accepted_the_clone_resumes_without_a_second_guest() {
        Operation op = order("crashy");
        FakeHypervisor crashing = new FakeHypervisor() {
            boolean crashed;

            @Override
            void afterClone(int vmid) {
                if (!crashed) {
                    crashed = true;
                    throw new Crash();
                }
            }
        }.withTemplate("pve1", TEMPLATE_VMID);
        pve = crashing;
        assertThatThrownBy(() -> runner().runDue()).isInstanceOf(FakeHypervisor.Crash.class);
        assertThat(reload(op).status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(pve.guests).hasSize(2);

        // Another instance picks the operation up once the dead runner's lease has expired.
        OperationRunner successor = runner();
        assertThat(successor.runDue()).as("still leased by the dead runner").isZero();
        store.clock.advance(Duration.ofMinutes(16));
        successor.runDue();

        assertThat(reload(op).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(vmOf(op).status()).isEqualTo(VmStatus.RUNNING);
        assertThat(pve.guests).as("exactly one guest besides the template").hasSize(2);
        assertThat(pve.calls.stream().filter("cloneGuest"::equals).count()).isEqualTo(1);
    }

    @Test
    void a_vmid_taken_by_someone_else_is_skipped_and_their_guest_left_alone() {
        FakeHypervisor.Guest foreign = new FakeHypervisor.Guest(100, "pve1",
                io.proxima.application.hypervisor.port.out.GuestType.QEMU);
        foreign.config.put("name", "not-ours");
        pve.guests.put(100, foreign);
        pve.nextIds.add(100); // PVE's nextid raced: it hands out an id that is taken by the time we clone
        Operation op = order("race");
        runner().runDue();

        assertThat(reload(op).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(vmOf(op).placement().orElseThrow().vmid()).isNotEqualTo(100);
        assertThat(pve.guests.get(100).config).containsEntry("name", "not-ours");
    }

    @Test
    void no_free_address_fails_before_anything_reaches_pve() {
        store.poolAddresses.clear();
        Operation op = order("noip");
        runner().runDue();
        assertThat(reload(op).status()).isEqualTo(OperationStatus.FAILED);
        assertThat(vmOf(op).status()).isEqualTo(VmStatus.ERROR);
        assertThat(pve.calls).doesNotContain("cloneGuest", "nextFreeVmid");
    }

    @Test
    void placement_never_over_commits_the_node() {
        store.nodeMemoryMb = 5000; // room for two 2 GiB guests
        Operation a = order("a1");
        Operation b = order("b1");
        Operation c = order("c1");
        runner().runDue();
        long running = Stream.of(a, b, c).map(this::vmOf).filter(v -> v.status() == VmStatus.RUNNING).count();
        long failed = Stream.of(a, b, c).map(this::vmOf).filter(v -> v.status() == VmStatus.ERROR).count();
        assertThat(running).isEqualTo(2);
        assertThat(failed).isEqualTo(1);
    }

}
