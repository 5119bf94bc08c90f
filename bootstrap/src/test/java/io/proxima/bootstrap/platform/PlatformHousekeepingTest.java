package io.proxima.bootstrap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.application.billing.port.in.BillingJobsUseCase;
import io.proxima.application.system.port.in.PlatformHousekeepingUseCase;
import io.proxima.application.system.port.in.PlatformHousekeepingUseCase.Retention;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** One job-claim table for every context, and bookkeeping rows purged once past their use. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class PlatformHousekeepingTest {

    @Inject
    DataSource db;

    @Inject
    BillingJobsUseCase billingJobs;

    @Inject
    PlatformHousekeepingUseCase housekeeping;

    private void exec(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private long count(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void billing_claims_share_the_one_job_claim_table() throws Exception {
        Instant period = Instant.parse("2001-01-01T00:00:00Z");
        String job = "billing-probe-" + UUID.randomUUID();
        assertThat(billingJobs.claim(job, period)).isTrue();
        assertThat(billingJobs.claim(job, period)).isFalse();
        assertThat(count("SELECT count(*) FROM job_runs WHERE job = ?", job)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'billing_job_runs'")).isZero();
    }

    @Test
    void claims_keys_and_webhook_events_past_their_use_are_purged_and_recent_ones_kept() throws Exception {
        Timestamp old = Timestamp.from(Instant.now().minus(Duration.ofDays(40)));
        Timestamp recent = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        String oldJob = "old-" + UUID.randomUUID();
        String newJob = "new-" + UUID.randomUUID();
        exec("INSERT INTO job_runs (job, period_start, claimed_at) VALUES (?, ?, ?)", oldJob, old, old);
        exec("INSERT INTO job_runs (job, period_start, claimed_at) VALUES (?, ?, ?)", newJob, recent, recent);
        UUID caller = UUID.randomUUID();
        String hash = "0".repeat(64);
        exec("INSERT INTO billing_idempotency_keys (scope, caller_id, key, request_hash, result_ref, created_at) "
                + "VALUES ('adjustment', ?, 'old', ?, 'x', ?)", caller, hash, old);
        exec("INSERT INTO billing_idempotency_keys (scope, caller_id, key, request_hash, result_ref, created_at) "
                + "VALUES ('adjustment', ?, 'new', ?, 'x', ?)", caller, hash, recent);
        String oldEvent = "evt_old_" + UUID.randomUUID();
        String newEvent = "evt_new_" + UUID.randomUUID();
        exec("INSERT INTO billing_webhook_events (gateway, event_id, type, received_at) VALUES ('stripe', ?, 't', ?)", oldEvent, old);
        exec("INSERT INTO billing_webhook_events (gateway, event_id, type, received_at) VALUES ('stripe', ?, 't', ?)", newEvent, recent);

        // Retentions below the safe minimum are raised to it: the recent rows must survive.
        var purged = housekeeping.purge(new Retention(Duration.ZERO, Duration.ZERO, Duration.ZERO));

        assertThat(purged.jobClaims()).isPositive();
        assertThat(count("SELECT count(*) FROM job_runs WHERE job IN (?, ?)", oldJob, newJob)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM job_runs WHERE job = ?", newJob)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM billing_idempotency_keys WHERE caller_id = ?", caller)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM billing_idempotency_keys WHERE caller_id = ? AND key = 'new'", caller)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM billing_webhook_events WHERE event_id IN (?, ?)", oldEvent, newEvent)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM billing_webhook_events WHERE event_id = ?", newEvent)).isEqualTo(1);
    }
}
