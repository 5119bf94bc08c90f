package io.proxima.domain.billing;

import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.shared.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to top up a balance through a payment gateway. Crediting happens once, on the
 * transition to {@link RechargeStatus#PAID}; refunds are bounded by what was paid minus what was
 * refunded (refunds in flight included).
 */
public final class RechargeOrder {

    private final UUID id;
    private final UUID ownerId;
    private final Money amount;
    private final String gateway;
    private RechargeStatus status;
    private String externalId;
    private String paymentRef;
    private String paymentUrl;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant paidAt;
    private Money refunded;
    private String failureReason;

    private RechargeOrder(UUID id, UUID ownerId, Money amount, String gateway, RechargeStatus status, String externalId,
                          String paymentRef, String paymentUrl, Instant createdAt, Instant expiresAt, Instant paidAt,
                          Money refunded, String failureReason) {
        this.id = Objects.requireNonNull(id);
        this.ownerId = Objects.requireNonNull(ownerId);
        this.amount = Objects.requireNonNull(amount);
        this.gateway = Objects.requireNonNull(gateway);
        this.status = Objects.requireNonNull(status);
        this.externalId = externalId;
        this.paymentRef = paymentRef;
        this.paymentUrl = paymentUrl;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.paidAt = paidAt;
        this.refunded = Objects.requireNonNull(refunded);
        this.failureReason = failureReason;
    }

    public static RechargeOrder create(UUID id, UUID ownerId, Money amount, String gateway, Instant now, Instant expiresAt) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a recharge is positive");
        }
        return new RechargeOrder(id, ownerId, amount, gateway, RechargeStatus.PENDING, null, null, null, now, expiresAt,
                null, Money.zero(amount.currency()), null);
    }

    public static RechargeOrder reconstitute(UUID id, UUID ownerId, Money amount, String gateway, RechargeStatus status,
                                             String externalId, String paymentRef, String paymentUrl, Instant createdAt,
                                             Instant expiresAt, Instant paidAt, Money refunded, String failureReason) {
        return new RechargeOrder(id, ownerId, amount, gateway, status, externalId, paymentRef, paymentUrl, createdAt,
                expiresAt, paidAt, refunded, failureReason);
    }

    /** The gateway accepted the order: where the customer pays. */
    public void attachCheckout(String externalId, String paymentUrl) {
        this.externalId = externalId;
        this.paymentUrl = paymentUrl;
    }

    /**
     * Records the payment. Returns false when the order is paid already (a duplicate
     * notification), so the caller credits exactly once.
     */
    public boolean markPaid(Instant at, String paymentRef) {
        if (status == RechargeStatus.PAID || status == RechargeStatus.REFUNDED) {
            return false;
        }
        move(RechargeStatus.PAID);
        paidAt = at;
        if (paymentRef != null) {
            this.paymentRef = paymentRef;
        }
        return true;
    }

    public void expire() {
        move(RechargeStatus.EXPIRED);
    }

    public void fail(String reason) {
        move(RechargeStatus.FAILED);
        failureReason = reason;
    }

    public Money refundable() {
        if (status != RechargeStatus.PAID && status != RechargeStatus.REFUNDED) {
            return Money.zero(amount.currency());
        }
        return amount.minus(refunded);
    }

    /** Reserves {@code part} of the paid amount for a refund; never more than paid minus refunded. */
    public void refund(Money part) {
        if (status != RechargeStatus.PAID && status != RechargeStatus.REFUNDED) {
            throw new StateConflictException("error.billing.order_not_paid", "only a paid order can be refunded",
                    status.wire());
        }
        if (!part.sameCurrencyAs(amount)) {
            throw ValidationException.of("currency", "validation.currency.mismatch",
                    "must be " + amount.currencyCode(), amount.currencyCode());
        }
        if (part.compareTo(refundable()) > 0) {
            throw ValidationException.of("amount", "validation.refund.exceeds",
                    "exceeds the refundable " + refundable().toPlainString(), refundable().toPlainString());
        }
        refunded = refunded.plus(part);
        move(RechargeStatus.REFUNDED);
    }

    /** Gives back a reservation whose gateway refund failed. */
    public void releaseRefund(Money part) {
        refunded = refunded.minus(part).max(Money.zero(amount.currency()));
        if (refunded.isZero()) {
            move(RechargeStatus.PAID);
        }
    }

    public boolean isExpiredAt(Instant now) {
        return status == RechargeStatus.PENDING && !now.isBefore(expiresAt);
    }

    private void move(RechargeStatus next) {
        if (!status.canBecome(next)) {
            throw new StateConflictException("error.billing.order_state",
                    "a " + status.wire() + " order cannot become " + next.wire(), status.wire());
        }
        status = next;
    }

    public UUID id() { return id; }
    public UUID ownerId() { return ownerId; }
    public Money amount() { return amount; }
    public String gateway() { return gateway; }
    public RechargeStatus status() { return status; }
    public String externalId() { return externalId; }
    public String paymentRef() { return paymentRef; }
    public String paymentUrl() { return paymentUrl; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant paidAt() { return paidAt; }
    public Money refunded() { return refunded; }
    public String failureReason() { return failureReason; }
}
