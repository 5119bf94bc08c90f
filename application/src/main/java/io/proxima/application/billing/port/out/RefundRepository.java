package io.proxima.application.billing.port.out;

import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.Refund;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/** Refund records (pending while a gateway refund is in flight). */
public interface RefundRepository {

    void insert(Refund refund);

    void update(Refund refund);

    Optional<Refund> find(UUID id);

    /** What the owner was charged (optionally for one VM) minus the charge refunds already made or in flight. */
    Money refundableCharges(UUID ownerId, UUID vmId, Currency currency);
}
