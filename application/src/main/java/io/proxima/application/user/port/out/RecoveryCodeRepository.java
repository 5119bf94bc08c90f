package io.proxima.application.user.port.out;

import io.proxima.domain.user.RecoveryCode;
import io.proxima.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Hashed two-factor recovery codes. */
public interface RecoveryCodeRepository {

    void replaceAll(UserId userId, List<RecoveryCode> codes);

    List<RecoveryCode> findUnused(UserId userId);

    /** True when the code was unused and is now used (guards against two concurrent uses). */
    boolean markUsed(UUID id, Instant now);

    void deleteAll(UserId userId);
}
