package io.proxima.bootstrap.identity;

import io.proxima.adapter.in.rest.security.RateLimiter;
import io.proxima.application.user.port.in.IdentityHousekeepingUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Deletes expired sessions, revocation entries and full rate-limit buckets (idempotent on every instance). */
@ApplicationScoped
public class IdentityHousekeepingJob {

    private static final Logger LOG = Logger.getLogger(IdentityHousekeepingJob.class);

    @Inject
    IdentityHousekeepingUseCase housekeeping;

    @Inject
    RateLimiter rateLimiter;

    @Scheduled(every = "${proxima.auth.housekeeping-interval:15m}", delayed = "${proxima.auth.housekeeping-initial-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int sessions = housekeeping.purgeExpired();
        int buckets = rateLimiter.purgeExpired();
        LOG.debugf("identity housekeeping removed %d session rows and %d rate-limit buckets", sessions, buckets);
    }
}
