package io.proxima.application.user.service;

import io.proxima.application.user.port.in.IdentityHousekeepingUseCase;
import io.proxima.application.user.port.out.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class IdentityHousekeepingService implements IdentityHousekeepingUseCase {

    private final SessionRepository sessions;
    private final io.proxima.application.user.port.out.AttemptCounter attempts;
    private final Clock clock;
    private final io.proxima.application.user.port.out.AccountChangeRepository changes;

    @Inject
    public IdentityHousekeepingService(SessionRepository sessions,
                                       io.proxima.application.user.port.out.AttemptCounter attempts, Clock clock,
                                       io.proxima.application.user.port.out.AccountChangeRepository changes) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.clock = clock;
        this.changes = changes;
    }

    @Override
    @Transactional
    public int purgeExpired() {
        java.time.Instant now = clock.instant();
        // Failure counters restart after a quiet day anyway; locks last at most a day.
        // Undo links are kept a day past their expiry, so an undo that raced the expiry is still explained.
        return sessions.purgeExpired(now) + attempts.purge(now.minus(java.time.Duration.ofDays(2)))
                + changes.purgeExpired(now.minus(java.time.Duration.ofDays(1)));
    }
}
