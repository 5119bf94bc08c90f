package io.proxima.bootstrap.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.application.billing.port.in.BalanceUseCase;
import io.proxima.application.billing.port.in.BillingJobsUseCase;
import io.proxima.application.billing.port.in.MeteringUseCase;
import io.proxima.application.billing.port.out.MeteringRepository;
import io.proxima.domain.billing.HourCharge;
import io.proxima.domain.billing.HourlyPricing;
import io.proxima.domain.billing.MeteredResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Each (VM, hour) is charged exactly once: re-runs, two runs at once (with and without the
 * advisory lock), and a crash between the charge and the commit.
 */
@QuarkusTest
@QuarkusTestResource(StripeMock.class)
@QuarkusTestResource(TestTokens.class)
class BillingRunExactlyOnceTest {

    @Inject
    TestBillingClock clock;

    @Inject
    MeteringUseCase metering;

    @Inject
    BillingJobsUseCase jobs;

    @Inject
    BalanceUseCase balances;

    @Inject
    MeteringRepository repository;

    @Inject
    DataSource dataSource;

    long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long charges(UUID vm) {
        return count("SELECT count(*) FROM billing_journal WHERE type = 'charge' AND period_start IS NOT NULL AND vm_id = ?", vm);
    }

    long balance(UUID user) {
        return balances.balance(user).balance().minor();
    }

    @Test
    void reruns_concurrent_runs_and_crashes_never_charge_an_hour_twice() throws Exception {
        Instant t0 = Instant.parse("2032-02-03T04:05:06Z");
        clock.set(t0);
        UUID user = UUID.randomUUID();
        BillingFixtures.give(balances, user, "1000.00");
        List<UUID> vms = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            vms.add(BillingFixtures.startVm(metering, user, BillingFixtures.usd(3, 100_000), t0));
        }
        try {
            // Re-run: five hours later, twice.
            clock.advance(Duration.ofHours(5));
            jobs.chargeDueHours();
            jobs.chargeDueHours();
            for (UUID vm : vms) {
                assertThat(charges(vm)).isEqualTo(6);
            }
            assertThat(balance(user)).isEqualTo(100_000 - 12 * 6 * 3);

            // Two threads run the job at the same moment.
            clock.advance(Duration.ofHours(3));
            runTogether(() -> jobs.chargeDueHours().hoursCharged(), () -> jobs.chargeDueHours().hoursCharged());
            for (UUID vm : vms) {
                assertThat(charges(vm)).isEqualTo(9);
            }

            // Two instances without the advisory lock: the row locks and SKIP LOCKED split the work.
            clock.advance(Duration.ofHours(2));
            Instant now = clock.now();
            Callable<Integer> raw = () -> {
                int total = 0;
                int n;
                do {
                    n = QuarkusTransaction.requiringNew().call(() -> repository.chargeNextDueHour(now));
                    total += n;
                } while (n > 0);
                return total;
            };
            List<Integer> split = runTogether(raw, raw);
            assertThat(split.get(0) + split.get(1)).isEqualTo(12 * 2);
            for (UUID vm : vms) {
                assertThat(charges(vm)).isEqualTo(11);
            }

            // A crash after the charge statement and before the commit leaves no trace.
            clock.advance(Duration.ofHours(1));
            Instant crashAt = clock.now();
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                assertThat(repository.chargeNextDueHour(crashAt)).isEqualTo(12);
                throw new IllegalStateException("process killed before commit");
            })).hasMessageContaining("killed");
            for (UUID vm : vms) {
                assertThat(charges(vm)).isEqualTo(11);
            }
            jobs.chargeDueHours();
            for (UUID vm : vms) {
                assertThat(charges(vm)).isEqualTo(12);
            }
            assertThat(balance(user)).isEqualTo(100_000 - 12 * 12 * 3);
            assertThat(balances.checkLedger().consistent()).isTrue();

            // The unique (vm, hour) key refuses a duplicate even if every other guard failed.
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO billing_journal (id, type, account_id, counter_account_id, amount_minor, currency,
                            balance_after_minor, vm_id, period_start, effective_at)
                        SELECT gen_random_uuid(), type, account_id, counter_account_id, amount_minor, currency,
                               balance_after_minor, vm_id, period_start, effective_at
                          FROM billing_journal WHERE vm_id = ? AND period_start IS NOT NULL LIMIT 1""")) {
                    ps.setObject(1, vms.get(0));
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getSQLState(), e);
                }
            })).hasMessageContaining("23505");
        } finally {
            vms.forEach(vm -> metering.stop(vm, clock.now()));
        }
    }

    @Test
    void the_set_based_run_applies_the_same_month_cap_as_the_domain_rules() {
        // Starts late on the last day of a month: the cap is reached, then a new month starts in UTC.
        Instant t0 = Instant.parse("2032-05-31T20:30:00Z");
        clock.set(t0);
        UUID user = UUID.randomUUID();
        BillingFixtures.give(balances, user, "100.00");
        HourlyPricing pricing = BillingFixtures.usd(70, 250);
        UUID vm = BillingFixtures.startVm(metering, user, pricing, t0);
        try {
            Instant end = t0.plus(Duration.ofHours(7));
            clock.set(end);
            jobs.chargeDueHours();

            MeteredResource model = MeteredResource.start(UUID.randomUUID(), vm, user, UUID.randomUUID(), null, pricing, t0);
            long expected = model.chargeDue(end).stream().mapToLong(c -> c.amount().minor()).sum();
            // May 20:30-23:30: 70 + 70 + 70 + 40 (capped at 2.50); June 00:30-03:30: the cap starts afresh,
            // 70 + 70 + 70 + 40 again -> 5.00
            assertThat(expected).isEqualTo(500);
            assertThat(10_000 - balance(user)).isEqualTo(expected);
            assertThat(count("SELECT count(*) FROM billing_journal WHERE vm_id = ? AND period_start IS NOT NULL", vm)).isEqualTo(8);
        } finally {
            metering.stop(vm, clock.now());
        }
    }

    @SafeVarargs
    static <T> List<T> runTogether(Callable<T>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return t.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
