package io.proxima.bootstrap.monitoring;

import io.proxima.application.monitoring.port.in.MetricsCollectionUseCase;
import io.proxima.application.monitoring.port.in.WebhookUseCase;
import io.proxima.application.monitoring.port.out.IntegrationFacts;
import io.proxima.application.monitoring.port.out.MonitoringSettings;
import io.proxima.application.monitoring.port.out.WebhookSettings;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The metrics pipeline's configuration and triggers. Every instance ticks; the period claim lets
 * one of them collect per cycle. Retention runs hourly (plain deletes and partition drops).
 */
@ApplicationScoped
public class MonitoringJobs {

    private static final Logger LOG = Logger.getLogger(MonitoringJobs.class);

    @ConfigProperty(name = "proxima.monitoring.interval", defaultValue = "60s")
    Duration interval;

    @ConfigProperty(name = "proxima.monitoring.retention.raw", defaultValue = "P2D")
    Duration raw;

    @ConfigProperty(name = "proxima.monitoring.retention.five-minutes", defaultValue = "P30D")
    Duration fiveMinutes;

    @ConfigProperty(name = "proxima.monitoring.retention.hour", defaultValue = "P365D")
    Duration hour;

    @ConfigProperty(name = "proxima.webhooks.timeout", defaultValue = "10s")
    Duration webhookTimeout;

    @ConfigProperty(name = "proxima.webhooks.first-retry", defaultValue = "30s")
    Duration webhookFirstRetry;

    @ConfigProperty(name = "proxima.webhooks.max-backoff", defaultValue = "1h")
    Duration webhookMaxBackoff;

    @ConfigProperty(name = "proxima.webhooks.give-up-after", defaultValue = "P1D")
    Duration webhookGiveUp;

    @ConfigProperty(name = "quarkus.mailer.host")
    java.util.Optional<String> mailHost;

    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean mailMock;

    @ConfigProperty(name = "proxima.pve.simulator.enabled", defaultValue = "false")
    boolean simulator;

    @Inject
    MetricsCollectionUseCase collection;

    @Produces
    @Singleton
    IntegrationFacts integrationFacts() {
        boolean relay = mailHost.isPresent() && !mailMock;
        return new IntegrationFacts(relay, relay ? mailHost.get() : null, simulator);
    }

    @Inject
    WebhookUseCase webhooks;

    @Produces
    @Singleton
    MonitoringSettings monitoringSettings() {
        return new MonitoringSettings(interval, raw, fiveMinutes, hour);
    }

    @Produces
    @Singleton
    WebhookSettings webhookSettings() {
        return new WebhookSettings(webhookTimeout, webhookFirstRetry, webhookMaxBackoff, webhookGiveUp, 50);
    }

    @Scheduled(every = "${proxima.webhooks.poll-interval:2s}", delayed = "${proxima.webhooks.initial-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverWebhooks() {
        // Every instance polls; SKIP LOCKED claims keep each delivery to one sender.
        webhooks.dispatchDue();
    }

    @Scheduled(every = "${proxima.monitoring.tick:10s}", delayed = "${proxima.monitoring.initial-delay:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void collect() {
        // Ticks more often than the interval so a cycle starts soon after its period begins.
        collection.collectIfDue().ifPresent(c -> LOG.debugf("metrics cycle %s: %d PVE calls, %d samples (%d new), ingest %d ms, rules %d ms",
                c.at(), c.pveCalls(), c.samples(), c.newSamples(), c.ingestMillis(), c.evaluateMillis()));
    }

    @Scheduled(every = "${proxima.monitoring.retention.interval:1h}", delayed = "${proxima.monitoring.retention.initial-delay:45s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        try {
            LOG.debugf("metrics retention removed %d samples", collection.purgeExpired());
        } catch (RuntimeException e) {
            // Two instances dropping the same partition: the other one did it; next hour tries again.
            LOG.debugf("metrics retention skipped: %s", e.getMessage());
        }
    }
}
