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
    private final Clock clock;

    @Inject
    public IdentityHousekeepingService(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int purgeExpired() {
        return sessions.purgeExpired(clock.instant());
    }
}
