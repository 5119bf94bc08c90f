package io.proxima.domain.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's balance. The cached {@code balance} moves only through {@link #post}, which
 * yields the ledger entry recording the movement: the caller stores both in one transaction
 * while holding the account's row lock, so the balance always equals the sum of its entries.
 */
public final class CustomerAccount {

    private final UUID id;
    private final UUID ownerId;
    private final java.util.Currency currency;
    private Money balance;
    private Instant suspendedAt;
    private Instant terminatedAt;
    private final long version;

    private CustomerAccount(UUID id, UUID ownerId, java.util.Currency currency, Money balance, Instant suspendedAt,
                            Instant terminatedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.ownerId = Objects.requireNonNull(ownerId);
        this.currency = Objects.requireNonNull(currency);
        this.balance = Objects.requireNonNull(balance);
        this.suspendedAt = suspendedAt;
        this.terminatedAt = terminatedAt;
        this.version = version;
    }

    public static CustomerAccount open(UUID id, UUID ownerId, java.util.Currency currency) {
        return new CustomerAccount(id, ownerId, currency, Money.zero(currency), null, null, 0);
    }

    public static CustomerAccount reconstitute(UUID id, UUID ownerId, java.util.Currency currency, Money balance,
                                               Instant suspendedAt, Instant terminatedAt, long version) {
        return new CustomerAccount(id, ownerId, currency, balance, suspendedAt, terminatedAt, version);
    }

    /** Applies a signed movement and returns its ledger entry with the resulting balance. */
    public LedgerEntry post(EntryDraft d) {
        if (!d.amount().currency().equals(currency)) {
            throw new IllegalArgumentException("account " + id + " is in " + currency + ", not " + d.amount().currency());
        }
        Money after = balance.plus(d.amount());
        // The entry validates itself first: a refused movement leaves the balance untouched.
        LedgerEntry entry = new LedgerEntry(d.id(), d.type(), id, d.counterAccountId(), d.amount(), after, d.vmId(),
                d.periodStart(), d.orderId(), d.refundId(), d.reverses(), d.actorId(), d.reason(), d.description(),
                d.effectiveAt());
        balance = after;
        return entry;
    }

    /** Whether a suspension for non-payment is in force and the money now covers it again. */
    public boolean shouldBeUnsuspended() {
        return suspendedAt != null && terminatedAt == null && balance.isPositive();
    }

    public void clearSuspension() {
        suspendedAt = null;
    }

    public UUID id() { return id; }
    public UUID ownerId() { return ownerId; }
    public java.util.Currency currency() { return currency; }
    public Money balance() { return balance; }
    public Instant suspendedAt() { return suspendedAt; }
    public Instant terminatedAt() { return terminatedAt; }
    public long version() { return version; }
}
