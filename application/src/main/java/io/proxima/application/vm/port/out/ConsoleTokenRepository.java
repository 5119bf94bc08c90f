package io.proxima.application.vm.port.out;

import io.proxima.application.user.port.in.SessionValidityUseCase.SessionRef;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time WebSocket tickets (console and metrics stream), stored as hashes so that any instance
 * can accept them. Each remembers the session that obtained it.
 */
public interface ConsoleTokenRepository {

    enum Purpose { CONSOLE, METRICS }

    record Holder(UUID userId, boolean admin, SessionRef session) {
    }

    void insert(String tokenHash, Purpose purpose, UUID vmId, UUID userId, boolean admin, SessionRef session,
                Instant expiresAt, Instant now);

    /** Marks the ticket used if it is for {@code vmId} and {@code purpose}, unused and not expired; empty otherwise. Atomic. */
    Optional<Holder> consume(String tokenHash, Purpose purpose, UUID vmId, Instant now);

    int deleteExpired(Instant before);
}
