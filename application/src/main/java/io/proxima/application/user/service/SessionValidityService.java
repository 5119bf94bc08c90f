package io.proxima.application.user.service;

import io.proxima.application.user.port.in.SessionValidityUseCase;
import io.proxima.application.user.port.out.LiveSessionCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class SessionValidityService implements SessionValidityUseCase {

    private final LiveSessionCheck check;
    private final Clock clock;

    @Inject
    public SessionValidityService(LiveSessionCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean stillValid(SessionRef s) {
        if (s == null || s.userId() == null || s.role() == null) {
            return false;
        }
        if (s.apiKeyId() != null) {
            return check.apiKeyLive(s.apiKeyId(), s.userId(), s.role(), clock.instant());
        }
        if (s.familyId() == null || s.tokenId() == null) {
            return false;
        }
        return check.sessionLive(s.tokenId(), s.familyId(), s.userId(), s.role());
    }
}
