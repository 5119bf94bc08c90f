package io.proxima.application.billing.port.out;

import io.proxima.domain.billing.MeteredResource;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Billing's own record of what it meters, and the set-based hourly charge over it. */
public interface MeteringRepository {

    /** The VM's metering record, row-locked for the transaction. */
    Optional<MeteredResource> lockByVm(UUID vmId);

    void insert(MeteredResource resource);

    void update(MeteredResource resource);

    /**
     * Charges, in one statement, the next due hour (start &lt;= {@code now}) of every active
     * resource whose rows are not locked by someone else, posting one ledger pair per hour and
     * moving the cached balances. Returns how many hours were charged; 0 when nothing is due.
     */
    int chargeNextDueHour(Instant now);
}
