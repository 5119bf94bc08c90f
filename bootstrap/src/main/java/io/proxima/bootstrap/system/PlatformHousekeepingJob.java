package io.proxima.bootstrap.system;

import io.proxima.application.system.port.in.PlatformHousekeepingUseCase;
import io.proxima.application.system.port.in.PlatformHousekeepingUseCase.Retention;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Purges job claims, idempotency keys and webhook event ids past their use (plain deletes: safe everywhere). */
@ApplicationScoped
public class PlatformHousekeepingJob {

    private static final Logger LOG = Logger.getLogger(PlatformHousekeepingJob.class);

    @Inject
    PlatformHousekeepingUseCase housekeeping;

    @ConfigProperty(name = "proxima.housekeeping.job-claim-retention", defaultValue = "P2D")
    Duration claims;

    @ConfigProperty(name = "proxima.housekeeping.idempotency-retention", defaultValue = "P2D")
    Duration keys;

    @ConfigProperty(name = "proxima.housekeeping.webhook-event-retention", defaultValue = "P30D")
    Duration events;

    @Scheduled(every = "${proxima.housekeeping.interval:1h}", delayed = "${proxima.housekeeping.initial-delay:40s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        var purged = housekeeping.purge(new Retention(claims, keys, events));
        LOG.debugf("housekeeping removed %d job claims, %d idempotency keys, %d webhook events",
                purged.jobClaims(), purged.idempotencyKeys(), purged.webhookEvents());
    }
}
