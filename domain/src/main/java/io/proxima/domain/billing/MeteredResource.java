package io.proxima.domain.billing;

import io.proxima.domain.shared.StateConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What billing charges for: one VM of one owner on one plan, metered per started hour. The VM
 * context feeds its lifecycle (start, suspend, resume, plan change, stop); billing keeps its own
 * record so that charging never needs the VM tables.
 *
 * <p>{@code paidThrough} is the end of the last charged hour, i.e. the start of the next one.
 * Hours are anchored at the start of metering; a resume inside an already paid hour continues
 * from the paid end rather than charging the rest of that hour twice.
 */
public final class MeteredResource {

    /** Suspension reasons; only billing's own suspensions are lifted by a recharge. */
    public static final String REASON_BILLING = "billing";

    private final UUID id;
    private final UUID vmId;
    private final UUID ownerId;
    private final UUID accountId;
    private UUID planId;
    private HourlyPricing pricing;
    private MeteringStatus status;
    private String suspendReason;
    private Instant paidThrough;
    private Instant monthStart;
    private Money monthCharged;
    private Money monthCap;
    private Money lastCharge;
    private final Instant startedAt;
    private Instant suspendedAt;
    private Instant endedAt;
    private final long version;

    private MeteredResource(UUID id, UUID vmId, UUID ownerId, UUID accountId, UUID planId, HourlyPricing pricing,
                            MeteringStatus status, String suspendReason, Instant paidThrough, Instant monthStart,
                            Money monthCharged, Money monthCap, Money lastCharge, Instant startedAt,
                            Instant suspendedAt, Instant endedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.vmId = Objects.requireNonNull(vmId);
        this.ownerId = Objects.requireNonNull(ownerId);
        this.accountId = Objects.requireNonNull(accountId);
        this.planId = planId;
        this.pricing = Objects.requireNonNull(pricing);
        this.status = Objects.requireNonNull(status);
        this.suspendReason = suspendReason;
        this.paidThrough = Objects.requireNonNull(paidThrough);
        this.monthStart = Objects.requireNonNull(monthStart);
        this.monthCharged = Objects.requireNonNull(monthCharged);
        this.monthCap = Objects.requireNonNull(monthCap);
        this.lastCharge = Objects.requireNonNull(lastCharge);
        this.startedAt = Objects.requireNonNull(startedAt);
        this.suspendedAt = suspendedAt;
        this.endedAt = endedAt;
        this.version = version;
    }

    /** Metering begins at {@code at}; the first hour is due at once (charge it with {@link #chargeDue}). */
    public static MeteredResource start(UUID id, UUID vmId, UUID ownerId, UUID accountId, UUID planId,
                                        HourlyPricing pricing, Instant at) {
        Money zero = Money.zero(pricing.currency());
        return new MeteredResource(id, vmId, ownerId, accountId, planId, pricing, MeteringStatus.ACTIVE, null, at,
                ChargingPolicy.monthStart(at), zero, pricing.monthlyCap(), zero, at, null, null, 0);
    }

    public static MeteredResource reconstitute(UUID id, UUID vmId, UUID ownerId, UUID accountId, UUID planId,
                                               HourlyPricing pricing, MeteringStatus status, String suspendReason,
                                               Instant paidThrough, Instant monthStart, Money monthCharged,
                                               Money monthCap, Money lastCharge, Instant startedAt,
                                               Instant suspendedAt, Instant endedAt, long version) {
        return new MeteredResource(id, vmId, ownerId, accountId, planId, pricing, status, suspendReason, paidThrough,
                monthStart, monthCharged, monthCap, lastCharge, startedAt, suspendedAt, endedAt, version);
    }

    /** Charges every hour that has started by {@code now} (inclusive) and is not charged yet. */
    public List<HourCharge> chargeDue(Instant now) {
        return chargeWhile(now, true);
    }

    /**
     * Charges the hours that started strictly before {@code at}: used before a stop or suspension,
     * so an hour starting exactly when the VM goes away is not charged.
     */
    public List<HourCharge> chargeStartedBefore(Instant at) {
        return chargeWhile(at, false);
    }

    private List<HourCharge> chargeWhile(Instant limit, boolean inclusive) {
        List<HourCharge> charges = new ArrayList<>();
        if (status != MeteringStatus.ACTIVE) {
            return charges;
        }
        while (inclusive ? !paidThrough.isAfter(limit) : paidThrough.isBefore(limit)) {
            charges.add(chargeOnePeriod());
        }
        return charges;
    }

    private HourCharge chargeOnePeriod() {
        Instant period = paidThrough;
        Instant periodMonth = ChargingPolicy.monthStart(period);
        if (!periodMonth.equals(monthStart)) {
            // A new calendar month: the full monthly cap applies again.
            monthStart = periodMonth;
            monthCharged = Money.zero(pricing.currency());
            monthCap = pricing.monthlyCap();
        }
        Money amount = ChargingPolicy.hourCharge(pricing.hourly(), monthCap, monthCharged);
        monthCharged = monthCharged.plus(amount);
        lastCharge = amount;
        paidThrough = period.plus(ChargingPolicy.PERIOD);
        return new HourCharge(vmId, period, amount);
    }

    /** Stops charging; hours already started stay charged (charge them first). Idempotent. */
    public boolean suspend(Instant at, String reason) {
        if (status == MeteringStatus.SUSPENDED) {
            return false;
        }
        transition(MeteringStatus.SUSPENDED);
        suspendReason = reason == null ? REASON_BILLING : reason;
        suspendedAt = at;
        return true;
    }

    /** Charging resumes with a new started hour at {@code at}, unless that instant is already paid. Idempotent. */
    public boolean resume(Instant at) {
        if (status == MeteringStatus.ACTIVE) {
            return false;
        }
        transition(MeteringStatus.ACTIVE);
        if (at.isAfter(paidThrough)) {
            paidThrough = at;
        }
        suspendReason = null;
        suspendedAt = null;
        return true;
    }

    /** The VM is gone: nothing more is charged, not even the hour in progress. Idempotent. */
    public boolean end(Instant at) {
        if (status == MeteringStatus.ENDED) {
            return false;
        }
        transition(MeteringStatus.ENDED);
        endedAt = at;
        return true;
    }

    /**
     * Switches to a new plan at {@code at} (hours started before must be charged already) and
     * returns the signed proration of the hour in progress. From the change on the resource is
     * billed as if it were new on that plan: the month's cap becomes the new monthly price
     * prorated to the rest of the month.
     */
    public Money changePlan(UUID newPlanId, HourlyPricing newPricing, Instant at) {
        if (status == MeteringStatus.ENDED) {
            throw new StateConflictException("error.billing.metering_ended", "metering of this VM has ended",
                    status.wire());
        }
        if (!newPricing.currency().equals(pricing.currency())) {
            throw new IllegalArgumentException("a plan change cannot change the currency");
        }
        Money proration = Money.zero(pricing.currency());
        if (status == MeteringStatus.ACTIVE && paidThrough.isAfter(at)) {
            Instant periodStart = paidThrough.minus(ChargingPolicy.PERIOD);
            proration = ChargingPolicy.planChangeProration(lastCharge, newPricing.hourly(), periodStart, at);
        }
        planId = newPlanId;
        pricing = newPricing;
        monthStart = ChargingPolicy.monthStart(at);
        monthCap = ChargingPolicy.proratedCap(newPricing.monthlyCap(), at);
        monthCharged = proration.isPositive() ? proration.min(monthCap) : Money.zero(pricing.currency());
        if (proration.isPositive()) {
            proration = monthCharged;
        }
        lastCharge = lastCharge.plus(proration).max(Money.zero(pricing.currency()));
        return proration;
    }

    private void transition(MeteringStatus next) {
        if (!status.canBecome(next)) {
            throw new StateConflictException("error.billing.metering_state",
                    "metering cannot go from " + status.wire() + " to " + next.wire(), status.wire());
        }
        status = next;
    }

    public UUID id() { return id; }
    public UUID vmId() { return vmId; }
    public UUID ownerId() { return ownerId; }
    public UUID accountId() { return accountId; }
    public UUID planId() { return planId; }
    public HourlyPricing pricing() { return pricing; }
    public MeteringStatus status() { return status; }
    public String suspendReason() { return suspendReason; }
    public Instant paidThrough() { return paidThrough; }
    public Instant monthStart() { return monthStart; }
    public Money monthCharged() { return monthCharged; }
    public Money monthCap() { return monthCap; }
    public Money lastCharge() { return lastCharge; }
    public Instant startedAt() { return startedAt; }
    public Instant suspendedAt() { return suspendedAt; }
    public Instant endedAt() { return endedAt; }
    public long version() { return version; }
}
