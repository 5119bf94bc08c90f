package io.proxima.application.vm.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One-time console tokens, stored as hashes so that any instance can accept them. */
public interface ConsoleTokenRepository {

    record Holder(UUID userId, boolean admin) {
    }

    void insert(String tokenHash, UUID vmId, UUID userId, boolean admin, Instant expiresAt, Instant now);

    /** Marks the token used if it is for {@code vmId}, unused and not expired; empty otherwise. Atomic. */
    Optional<Holder> consume(String tokenHash, UUID vmId, Instant now);

    int deleteExpired(Instant before);
}
