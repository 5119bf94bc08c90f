package io.proxima.bootstrap.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.application.billing.port.out.IdempotencyStore;
import io.proxima.domain.vm.GuestType;
import io.proxima.application.shared.port.out.PeriodicJobs;
import io.proxima.application.vm.port.out.FirewallRuleRepository;
import io.proxima.application.vm.port.out.OperationRepository;
import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.domain.vm.Hostname;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.ResourceSpec;
import io.proxima.domain.vm.Vm;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The persistence adapters against PostgreSQL itself: the guarantees the use cases rely on are
 * made by SQL (SKIP LOCKED, unique keys, row locks), so they are tested where they live, with
 * concurrent transactions, not through fakes.
 */
@QuarkusTest
class PersistenceAdaptersTest {

    /** Far in the past, so rows other tests left in the shared database are never due in these tests. */
    private static final Instant T0 = Instant.parse("2001-01-01T00:00:00Z").plusSeconds(System.nanoTime() % 86_400);

    @Inject
    OperationRepository operations;
    @Inject
    VmRepository vms;
    @Inject
    PeriodicJobs jobs;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    FirewallRuleRepository firewall;

    @Inject
    javax.sql.DataSource dataSource;

    /** Each test starts with no unfinished operation of these tests (they all date from 2001). */
    @org.junit.jupiter.api.BeforeEach
    void finishOldOperations() throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE vm_operations SET status = 'failed', finished_at = now(), lease_owner = NULL, lease_until = NULL"
                    + " WHERE status IN ('pending', 'running') AND created_at < '2002-01-01'");
        }
    }

    /** Request hashes are SHA-256 hex in production (a fixed-width column). */
    private static String hash(String seed) {
        return String.format("%64s", seed).replace(' ', '0');
    }

    private static <T> T tx(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    private Vm vm() {
        Vm vm = Vm.order(UUID.randomUUID(), GuestType.QEMU, new Hostname("repo-" + Long.toString(System.nanoTime(), 36)),
                UUID.randomUUID(), UUID.randomUUID(), new ResourceSpec(1, 512, 10), T0);
        tx(() -> {
            vms.insert(vm);
            return null;
        });
        return vm;
    }

    private Operation dueOperation() {
        Vm vm = vm();
        Operation op = Operation.start(vm.id(), vm.ownerId(), OperationType.PROVISION, List.of("reserve", "create"), Map.of(), T0);
        tx(() -> {
            operations.insert(op);
            return null;
        });
        return op;
    }

    @Test
    void concurrent_claims_never_hand_one_operation_to_two_workers() throws Exception {
        Set<UUID> mine = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            mine.add(dueOperation().id());
        }
        Instant now = T0.plusSeconds(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<UUID>>> claims = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String worker = "w" + w;
                claims.add(pool.submit(() -> {
                    go.await();
                    return tx(() -> operations.claimDue(worker, now, now.plusSeconds(60), 5));
                }));
            }
            go.countDown();
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> f : claims) {
                all.addAll(f.get());
            }
            assertThat(all).as("no operation claimed twice").doesNotHaveDuplicates();
            assertThat(new HashSet<>(all)).isEqualTo(mine);
        } finally {
            pool.shutdown();
        }
        // All leased now: nothing left to claim until a lease runs out.
        assertThat(tx(() -> operations.claimDue("late", now, now.plusSeconds(60), 50))).isEmpty();
    }

    @Test
    void a_lease_is_held_renewed_lost_and_released_by_the_rules() {
        Operation op = dueOperation();
        Instant now = T0.plusSeconds(1);
        assertThat(tx(() -> operations.claimDue("a", now, now.plusSeconds(60), 1))).containsExactly(op.id());
        Operation loaded = tx(() -> operations.find(op.id()).orElseThrow());

        assertThat(tx(() -> operations.saveIfHeld(loaded, "b", now.plusSeconds(60)))).as("not b's lease").isFalse();
        assertThat(tx(() -> operations.renew(List.of(op.id()), "b", now.plusSeconds(120)))).isZero();
        assertThat(tx(() -> operations.renew(List.of(op.id()), "a", now.plusSeconds(120)))).isEqualTo(1);

        // a's lease runs out (a died): b takes over, and a's late save is refused.
        Instant later = now.plusSeconds(121);
        assertThat(tx(() -> operations.claimDue("b", later, later.plusSeconds(60), 1))).containsExactly(op.id());
        assertThat(tx(() -> operations.saveIfHeld(loaded, "a", later.plusSeconds(60)))).isFalse();
        Operation held = tx(() -> operations.find(op.id()).orElseThrow());
        assertThat(tx(() -> operations.saveIfHeld(held, "b", later.plusSeconds(60)))).isTrue();

        // Released: due again at once for anyone.
        tx(() -> {
            operations.release(op.id(), "b");
            return null;
        });
        assertThat(tx(() -> operations.claimDue("c", later, later.plusSeconds(60), 1))).containsExactly(op.id());
    }

    @Test
    void one_unfinished_operation_per_vm_is_enforced_by_the_database() {
        Operation first = dueOperation();
        Operation second = Operation.start(first.vmId(), null, OperationType.DELETE, List.of("stop"), Map.of(), T0);
        boolean refused;
        try {
            tx(() -> {
                operations.insert(second);
                return null;
            });
            refused = false;
        } catch (RuntimeException e) {
            refused = true;
        }
        assertThat(refused).as("the partial unique index refuses a second unfinished operation").isTrue();
        assertThat(tx(() -> operations.findActive(first.vmId())).map(Operation::id)).contains(first.id());
    }

    @Test
    void a_period_is_claimed_by_exactly_one_of_many_concurrent_instances() throws Exception {
        String job = "repo-test-" + UUID.randomUUID();
        Instant period = T0;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(pool.submit(() -> {
                    go.await();
                    return tx(() -> jobs.claim(job, period));
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> f : tries) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(tx(() -> jobs.claim(job, period.plusSeconds(60)))).as("the next period is free").isTrue();
    }

    @Test
    void an_idempotency_key_answers_with_its_first_result_and_is_scoped_per_caller() {
        UUID caller = UUID.randomUUID();
        String key = "k-" + UUID.randomUUID();
        Instant now = Instant.now();
        Optional<IdempotencyStore.Claim> first = tx(() -> idempotency.claim("adjust", caller, key, hash("1"), "r1", now,
                Duration.ofHours(24)));
        assertThat(first).isEmpty();
        Optional<IdempotencyStore.Claim> replay = tx(() -> idempotency.claim("adjust", caller, key, hash("2"), "r2", now,
                Duration.ofHours(24)));
        assertThat(replay).contains(new IdempotencyStore.Claim(hash("1"), "r1"));
        assertThat(tx(() -> idempotency.claim("adjust", UUID.randomUUID(), key, hash("3"), "r3", now, Duration.ofHours(24))))
                .as("another caller's key of the same name is its own").isEmpty();
    }

    @Test
    void firewall_sync_versions_never_go_backwards() {
        Vm vm = vm();
        UUID id = vm.id().value();
        long v1 = tx(() -> firewall.changed(id, T0));
        long v2 = tx(() -> firewall.changed(id, T0));
        assertThat(v2).isEqualTo(v1 + 1);
        assertThat(tx(() -> firewall.syncState(id)).pending()).isTrue();
        // A slow sync that started at v1 finishes after the change to v2: still pending.
        tx(() -> {
            firewall.applied(id, v1, T0);
            return null;
        });
        assertThat(tx(() -> firewall.syncState(id)).pending()).isTrue();
        assertThat(tx(() -> firewall.pending(10_000))).contains(id);
        tx(() -> {
            firewall.applied(id, v2, T0);
            firewall.applied(id, v1, T0); // a late report of the older sync changes nothing
            return null;
        });
        assertThat(tx(() -> firewall.syncState(id))).satisfies(s -> {
            assertThat(s.pending()).isFalse();
            assertThat(s.applied()).isEqualTo(v2);
        });
    }
}
