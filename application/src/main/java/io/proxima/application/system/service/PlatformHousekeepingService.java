package io.proxima.application.system.service;

import io.proxima.application.billing.port.out.IdempotencyStore;
import io.proxima.application.billing.port.out.WebhookEventStore;
import io.proxima.application.shared.port.out.PeriodicJobs;
import io.proxima.application.system.port.in.PlatformHousekeepingUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes rows past their use. Retentions are far longer than the rows are ever read: a period
 * claim matters only during its period, an idempotency key for its 24-hour window, a webhook
 * event id while the gateway may still redeliver (Stripe: up to three days).
 */
@ApplicationScoped
public class PlatformHousekeepingService implements PlatformHousekeepingUseCase {

    static final Duration MIN_CLAIMS = Duration.ofDays(2);
    static final Duration MIN_KEYS = Duration.ofDays(2);
    static final Duration MIN_EVENTS = Duration.ofDays(7);

    private final PeriodicJobs jobs;
    private final IdempotencyStore keys;
    private final WebhookEventStore events;
    private final Clock clock;

    @Inject
    public PlatformHousekeepingService(PeriodicJobs jobs, IdempotencyStore keys, WebhookEventStore events, Clock clock) {
        this.jobs = jobs;
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Purged purge(Retention r) {
        Instant now = clock.instant();
        // Never below what the rows are needed for: a key's 24 h window, a daily job's period, redeliveries.
        return new Purged(jobs.purgeClaimedBefore(now.minus(max(r.jobClaims(), MIN_CLAIMS))),
                keys.purgeCreatedBefore(now.minus(max(r.idempotencyKeys(), MIN_KEYS))),
                events.purgeReceivedBefore(now.minus(max(r.webhookEvents(), MIN_EVENTS))));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
