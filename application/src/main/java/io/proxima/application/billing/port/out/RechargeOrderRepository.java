package io.proxima.application.billing.port.out;

import io.proxima.domain.billing.RechargeOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Recharge orders; {@code lock} variants hold the row for the transaction. */
public interface RechargeOrderRepository {

    void insert(RechargeOrder order);

    void update(RechargeOrder order);

    Optional<RechargeOrder> find(UUID id);

    Optional<RechargeOrder> lock(UUID id);

    Optional<RechargeOrder> lockByExternalId(String gateway, String externalId);

    /** Pending orders whose lifetime ended before {@code now}. */
    List<UUID> pendingExpired(Instant now, int limit);

    /** Pending gateway orders created before {@code cutoff}: candidates for the janitor. */
    List<UUID> pendingCreatedBefore(Instant cutoff, int limit);
}
