package io.proxima.application.user.port.out;

import io.proxima.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Undo tokens of email and phone changes, stored as hashes so that any instance can accept them. */
public interface AccountChangeRepository {

    /** What a change replaced. */
    record Undo(UserId userId, String kind, String oldEmail, String oldPhone) {
    }

    void insert(String tokenHash, UserId userId, String kind, String oldEmail, String oldPhone, Instant expiresAt,
                Instant now);

    /** Marks the token used if it is unused and not expired; empty otherwise. Atomic. */
    Optional<Undo> consume(String tokenHash, Instant now);

    /** Uses up every other open token of the user (after an undo, later changes' tokens must not undo it). */
    int consumeAll(UserId userId, Instant now);

    /** Forgets undo tokens that expired before {@code before} (housekeeping); returns how many. */
    default int purgeExpired(Instant before) {
        return 0;
    }
}
