package io.proxima.application.billing.port.in;

import io.proxima.domain.billing.HourlyPricing;
import io.proxima.domain.billing.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * Billing's inbound port for the VM context: it tells billing when a VM starts costing money,
 * stops, is suspended, comes back or changes plan. Every call is idempotent per VM.
 */
public interface MeteringUseCase {

    /** The VM being created on {@code pricing}. */
    record StartMetering(UUID vmId, UUID ownerId, UUID planId, HourlyPricing pricing, Instant at) {
    }

    /**
     * Throws {@code InsufficientBalanceException} (402/40201) unless the owner's balance covers
     * {@code hourly} times the minimum-balance hours setting (at least one hour).
     */
    void ensureCanAfford(UUID ownerId, Money hourly);

    /** Starts metering and charges the first hour in the same transaction (402 when it is not covered). */
    void start(StartMetering command);

    /** Charges the hours started before {@code at}, then stops charging until {@link #resume}. */
    void suspend(UUID vmId, Instant at, String reason);

    /** Charging resumes with a new started hour at {@code at}. */
    void resume(UUID vmId, Instant at);

    /** Prorates the hour in progress and bills the new plan from then on. */
    void changePlan(UUID vmId, UUID planId, HourlyPricing pricing, Instant at);

    /** The VM is deleted: hours started before {@code at} are charged, nothing after. */
    void stop(UUID vmId, Instant at);
}
