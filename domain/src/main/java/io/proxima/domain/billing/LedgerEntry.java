package io.proxima.domain.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One immutable, balanced ledger movement: {@code amount} on {@code accountId} (a customer) and
 * its negation on {@code counterAccountId} (a system account: revenue, a gateway's clearing,
 * adjustments). Storing both legs in one row makes a half-written pair impossible. Corrections
 * are new entries (a reversal references what it reverses), never edits.
 */
public record LedgerEntry(UUID id, TransactionType type, UUID accountId, UUID counterAccountId, Money amount,
                          Money balanceAfter, UUID vmId, Instant periodStart, UUID orderId, UUID refundId,
                          UUID reverses, UUID actorId, String reason, String description, Instant effectiveAt) {

    public LedgerEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(counterAccountId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(balanceAfter);
        Objects.requireNonNull(effectiveAt);
        if (accountId.equals(counterAccountId)) {
            throw new IllegalArgumentException("an entry moves money between two accounts");
        }
        if (!amount.sameCurrencyAs(balanceAfter)) {
            throw new IllegalArgumentException("entry and balance currencies differ");
        }
        switch (type) {
            case RECHARGE -> require(amount.isPositive(), "a recharge credits the customer");
            case CHARGE -> require(periodStart == null || !amount.isPositive(), "an hourly charge debits the customer");
            case ADJUSTMENT, REFUND, REVERSAL -> require(!amount.isZero(), "a movement moves money");
            default -> { }
        }
    }

    private static void require(boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(rule);
        }
    }
}
