package io.proxima.bootstrap.billing;

import io.proxima.application.billing.port.in.BillingJobsUseCase;
import io.proxima.application.billing.port.out.BillingClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Triggers of billing's scheduled jobs. Every instance fires them; a claim per (job, period) in
 * the database lets one instance do each period's work, and the jobs themselves are idempotent
 * (exactly-once keys, advisory locks) should two ever overlap. Each job's first run comes within
 * a minute of start (`delayed`, a duration — `delay` would count minutes) and its claim period is
 * the cadence it is configured with, so a shorter cadence really runs more often.
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

    @ConfigProperty(name = "proxima.billing.expiry-every", defaultValue = "5m")
    String expiryEvery;

    @ConfigProperty(name = "proxima.billing.janitor.every", defaultValue = "10m")
    String janitorEvery;

    @ConfigProperty(name = "proxima.billing.invoices-every", defaultValue = "1h")
    String invoicesEvery;

    @Scheduled(every = "${proxima.billing.run-every:5m}", delayed = "${proxima.billing.initial-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void billingRun() {
        if (!jobs.claim("billing-run", period(parse(runEvery)))) {
            return;
        }
        var run = jobs.chargeDueHours();
        var enforced = jobs.enforce();
        LOG.infof("billing run: %d hours charged in %d batches; %d suspended, %d terminated, %d low-balance notices",
                run.hoursCharged(), run.batches(), enforced.suspended(), enforced.terminated(), enforced.lowBalance());
    }

    @Scheduled(every = "${proxima.billing.expiry-every:5m}", delayed = "${proxima.billing.initial-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireOrders() {
        if (jobs.claim("recharge-expiry", period(parse(expiryEvery)))) {
            jobs.expireOrders();
        }
    }

    @Scheduled(every = "${proxima.billing.janitor.every:10m}", delayed = "${proxima.billing.initial-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void janitor() {
        if (jobs.claim("recharge-janitor", period(parse(janitorEvery)))) {
            jobs.settlePendingOrders();
        }
    }

    /** Retries of undelivered suspension requests and notices; leases keep instances from doubling up. */
    @Scheduled(every = "${proxima.billing.dispatch-every:1m}", delayed = "${proxima.billing.initial-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        jobs.dispatch();
    }

    /**
     * Hourly (not once a day), so a start or a missed 1st is caught up within the hour; statements
     * are created once per account and month whatever the number of runs.
     */
    @Scheduled(every = "${proxima.billing.invoices-every:1h}", delayed = "${proxima.billing.initial-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void invoices() {
        if (jobs.claim("invoices", period(parse(invoicesEvery)))) {
            int n = jobs.generateInvoices();
            LOG.infof("monthly statements: %d generated", n);
        }
    }

    /** Start of the period of length {@code length} that contains now (aligned on the epoch). */
    Instant period(Duration length) {
        long seconds = Math.max(1, length.getSeconds());
        long now = clock.now().getEpochSecond();
        return Instant.ofEpochSecond(now - Math.floorMod(now, seconds));
    }

    /** Quarkus' `every` syntax: "30s", "5m", "1h", "2d" or an ISO-8601 duration. */
    static Duration parse(String every) {
        String s = every.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("P")) {
            return Duration.parse(s);
        }
        if (s.endsWith("D")) {
            return Duration.parse("P" + s);
        }
        return Duration.parse("PT" + s);
    }
}
