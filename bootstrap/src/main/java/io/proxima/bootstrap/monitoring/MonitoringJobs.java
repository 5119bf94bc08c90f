package io.proxima.bootstrap.monitoring;

import io.proxima.application.monitoring.port.in.MetricsCollectionUseCase;
import io.proxima.application.monitoring.port.out.MonitoringSettings;
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

    @Inject
    MetricsCollectionUseCase collection;

    @Produces
    @Singleton
    MonitoringSettings monitoringSettings() {
        return new MonitoringSettings(interval, raw, fiveMinutes, hour);
    }

    @Scheduled(every = "${proxima.monitoring.tick:10s}", delayed = "${proxima.monitoring.initial-delay:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void collect() {
        // Ticks more often than the interval so a cycle starts soon after its period begins.
        collection.collectIfDue().ifPresent(c -> LOG.debugf("metrics cycle %s: %d PVE calls, %d samples (%d new), ingest %d ms, rules %d ms",
                c.at(), c.pveCalls(), c.samples(), c.newSamples(), c.ingestMillis(), c.evaluateMillis()));
    }

    @Scheduled(every = "${proxima.monitoring.retention.interval:1h}", delayed = "${proxima.monitoring.retention.initial-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        LOG.debugf("metrics retention removed %d samples", collection.purgeExpired());
    }
}
