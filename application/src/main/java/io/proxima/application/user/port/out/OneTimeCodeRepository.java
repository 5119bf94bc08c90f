package io.proxima.application.user.port.out;

import io.proxima.domain.user.OneTimeCode;
import io.proxima.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Mailed verification and reset codes. */
public interface OneTimeCodeRepository {

    /** Inserts or updates (attempts, consumption). */
    void save(OneTimeCode code);

    /** The newest code of the user for that purpose, used or not. */
    Optional<OneTimeCode> findLatest(UserId userId, OneTimeCode.Purpose purpose);

    /** Marks every open code of the user for that purpose as used (a new one replaces them). */
    void consumeAll(UserId userId, OneTimeCode.Purpose purpose, Instant now);
}
