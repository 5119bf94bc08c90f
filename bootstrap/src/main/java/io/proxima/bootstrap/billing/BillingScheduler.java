package io.proxima.bootstrap.billing;

import io.proxima.application.billing.port.in.BillingJobsUseCase;
import io.proxima.application.billing.port.out.BillingClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Triggers of billing's scheduled jobs. Every instance fires them; a claim per (job, period) in
 * the database lets one instance do each period's work, and the jobs themselves are idempotent
 * (exactly-once keys, advisory locks) should two ever overlap.
 */
@ApplicationScoped
public class BillingScheduler {

    private static final Logger LOG = Logger.getLogger(BillingScheduler.class);

    @Inject
    BillingJobsUseCase jobs;

    @Inject
    BillingClock clock;

    @ConfigProperty(name = "proxima.billing.run-every", defaultValue = "5m")
    String runEvery;

    @Scheduled(every = "${proxima.billing.run-every:5m}", delay = 30, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void billingRun() {
        if (!jobs.claim("billing-run", period(parse(runEvery)))) {
            return;
        }
        var run = jobs.chargeDueHours();
        var enforced = jobs.enforce();
        LOG.infof("billing run: %d hours charged in %d batches; %d suspended, %d terminated, %d low-balance notices",
                run.hoursCharged(), run.batches(), enforced.suspended(), enforced.terminated(), enforced.lowBalance());
    }

    @Scheduled(every = "${proxima.billing.expiry-every:5m}", delay = 45, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOrders() {
        if (jobs.claim("recharge-expiry", period(Duration.ofMinutes(5)))) {
            jobs.expireOrders();
        }
    }

    @Scheduled(every = "${proxima.billing.janitor.every:10m}", delay = 60, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void janitor() {
        if (jobs.claim("recharge-janitor", period(Duration.ofMinutes(10)))) {
            jobs.settlePendingOrders();
        }
    }

    /** Retries of undelivered suspension requests and notices; leases keep instances from doubling up. */
    @Scheduled(every = "${proxima.billing.dispatch-every:1m}", delay = 20, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        jobs.dispatch();
    }

    /** Daily, so a missed 1st is caught up; statements are created once per account and month. */
    @Scheduled(cron = "${proxima.billing.invoices-cron:0 10 0 * * ?}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void invoices() {
        if (jobs.claim("invoices", period(Duration.ofDays(1)))) {
            int n = jobs.generateInvoices();
            LOG.infof("monthly statements: %d generated", n);
        }
    }

    private Instant period(Duration length) {
        long seconds = Math.max(1, length.getSeconds());
        long now = clock.now().getEpochSecond();
        return Instant.ofEpochSecond(now - Math.floorMod(now, seconds));
    }

    static Duration parse(String every) {
        String s = every.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("p")) {
            return Duration.parse(s.toUpperCase(java.util.Locale.ROOT));
        }
        return Duration.parse("PT" + s.toUpperCase(java.util.Locale.ROOT));
    }
}
