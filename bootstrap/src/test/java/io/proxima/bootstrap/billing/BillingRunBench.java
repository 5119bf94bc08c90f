package io.proxima.bootstrap.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.application.billing.port.in.BalanceUseCase;
import io.proxima.application.billing.port.in.BillingJobsUseCase;
import io.proxima.application.billing.port.in.BillingViews.RunSummary;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark of the billing run (bench/billing.sh): N running metered VMs spread over N/k customers,
 * one hour due for each, charged by the real use case; then, on the same rows in the same run,
 * single set-based statements as the yardstick. Disabled unless {@code -Dbench=true}.
 */
@QuarkusTest
@QuarkusTestResource(StripeMock.class)
@QuarkusTestResource(TestTokens.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class BillingRunBench {

    @Inject
    DataSource dataSource;

    @Inject
    BillingJobsUseCase jobs;

    @Inject
    BalanceUseCase balances;

    @Inject
    TestBillingClock clock;

    void exec(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    long millis(String sql, Object... params) throws SQLException {
        long start = System.nanoTime();
        exec(sql, params);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Times one statement inside a transaction that is rolled back, leaving the rows as they were. */
    long millisRolledBack(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                long start = System.nanoTime();
                ps.execute();
                long ms = (System.nanoTime() - start) / 1_000_000;
                c.rollback();
                return ms;
            }
        }
    }

    @Test
    void billing_run_over_running_vms() throws Exception {
        int vms = Integer.getInteger("bench.vms", 100_000);
        int perUser = Integer.getInteger("bench.vms-per-user", 4);
        int users = Math.max(1, vms / perUser);
        OffsetDateTime t0 = OffsetDateTime.of(2035, 1, 10, 0, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime monthStart = OffsetDateTime.of(2035, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

        long load = System.nanoTime();
        exec("INSERT INTO billing_accounts (id, system_code, currency) VALUES (gen_random_uuid(), 'revenue', 'USD'), "
                + "(gen_random_uuid(), 'adjustments', 'USD') ON CONFLICT DO NOTHING");
        exec("""
                CREATE TEMP TABLE bench_users AS
                SELECT g AS n, gen_random_uuid() AS account_id, gen_random_uuid() AS owner_id FROM generate_series(1, ?) g""", users);
        exec("INSERT INTO billing_accounts (id, owner_id, currency, balance_minor) SELECT account_id, owner_id, 'USD', 100000000 FROM bench_users");
        // Funded through the ledger like any balance, so the consistency proof holds afterwards.
        exec("""
                INSERT INTO billing_journal (id, type, account_id, counter_account_id, amount_minor, currency, balance_after_minor,
                                             reason, description, effective_at, created_at)
                SELECT gen_random_uuid(), 'adjustment', u.account_id, a.id, 100000000, 'USD', 100000000, 'bench', 'bench funds', ?, ?
                  FROM bench_users u, billing_accounts a WHERE a.system_code = 'adjustments' AND a.currency = 'USD'""", t0, t0);
        exec("""
                INSERT INTO billing_metered_resources (id, vm_id, owner_id, account_id, plan_id, currency, hourly_minor, monthly_minor,
                    status, paid_through, month_start, month_charged_minor, month_cap_minor, last_charge_minor, started_at)
                SELECT gen_random_uuid(), gen_random_uuid(), u.owner_id, u.account_id, NULL, 'USD', 3 + (g % 5), 100000,
                       'active', ?, ?, 0, 100000, 0, ?
                  FROM generate_series(0, ? - 1) g JOIN bench_users u ON u.n = (g % ?) + 1""", t0, monthStart, t0, vms, users);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE billing_accounts");
            st.execute("VACUUM ANALYZE billing_metered_resources");
            st.execute("VACUUM ANALYZE billing_journal");
        }
        long loadMs = (System.nanoTime() - load) / 1_000_000;

        // The run: the real use case, one hour due for every VM (hour 1), then again an hour later (hour 2).
        clock.set(t0.toInstant());
        long s1 = System.nanoTime();
        RunSummary first = jobs.chargeDueHours();
        long run1 = (System.nanoTime() - s1) / 1_000_000;
        clock.set(t0.toInstant().plus(Duration.ofHours(1)));
        long s2 = System.nanoTime();
        RunSummary second = jobs.chargeDueHours();
        long run2 = (System.nanoTime() - s2) / 1_000_000;
        assertThat(first.hoursCharged()).isEqualTo(vms);
        assertThat(second.hoursCharged()).isEqualTo(vms);

        // Yardsticks on the same rows in the same run.
        // The next, not yet charged hour of every VM, into the real ledger (same indexes, keys and
        // foreign keys), in a transaction that is rolled back.
        long insertOnly = millisRolledBack("""
                INSERT INTO billing_journal (id, type, account_id, counter_account_id, amount_minor, currency, balance_after_minor,
                                             vm_id, period_start, description, effective_at, created_at)
                SELECT gen_random_uuid(), 'charge', m.account_id, r.id, -m.hourly_minor, m.currency, 0,
                       m.vm_id, m.paid_through, 'VM hourly charge', m.paid_through, now()
                  FROM billing_metered_resources m
                  JOIN billing_accounts r ON r.system_code = 'revenue' AND r.currency = m.currency
                 WHERE m.status = 'active'""");
        long updateOnly = millisRolledBack("""
                UPDATE billing_metered_resources SET paid_through = paid_through + interval '1 hour', version = version + 1
                 WHERE status = 'active'""");
        boolean consistent = balances.checkLedger().consistent();

        double best = Math.min(run1, run2);
        String report = String.format(Locale.ROOT, """
                # Billing run benchmark

                Run %s on %d cores, %s, PostgreSQL at 127.0.0.1 (shared machine).
                %,d running metered VMs over %,d customers (%d each); one hour due per VM per run.

                | what | ms |
                |---|---|
                | load (accounts, funding entries, metered rows, VACUUM ANALYZE) | %,d |
                | billing run, hour 1 (use case: %d batches, %,d hours charged) | %,d |
                | billing run, hour 2 (%d batches, %,d hours charged) | %,d |
                | yardstick A: one INSERT ... SELECT of %,d ledger rows into the real ledger (rolled back) | %,d |
                | yardstick B: one UPDATE of the same %,d metered rows (rolled back) | %,d |

                Ratio of the best run to yardstick A: **%.2f×**; to yardstick B: **%.2f×**; to A + B: **%.2f×**.
                Ledger check after the runs: %s.
                """, Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"), vms, users, perUser, loadMs, first.batches(), first.hoursCharged(), run1,
                second.batches(), second.hoursCharged(), run2, vms, insertOnly, vms, updateOnly,
                best / Math.max(1, insertOnly), best / Math.max(1, updateOnly), best / Math.max(1, insertOnly + updateOnly),
                consistent ? "consistent (every balance = sum of its entries)" : "INCONSISTENT");
        Path out = Path.of(System.getProperty("bench.out", "../bench/results/billing.md"));
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.println(report);
        assertThat(consistent).isTrue();
    }
}
