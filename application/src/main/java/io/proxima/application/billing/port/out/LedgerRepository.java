package io.proxima.application.billing.port.out;

import io.proxima.domain.billing.CustomerAccount;
import io.proxima.domain.billing.LedgerEntry;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Customer accounts and the append-only ledger; writes only inside the caller's transaction. */
public interface LedgerRepository {

    /** The owner's account without locking it (reads only). */
    Optional<CustomerAccount> findAccount(UUID ownerId);

    /** Locks the owner's account row for the rest of the transaction, opening it in {@code currency} when new. */
    CustomerAccount lockAccount(UUID ownerId, Currency currencyIfNew);

    /** The id of a system account ({@code revenue}, {@code adjustments}, {@code gateway:stripe} ...), created on first use. */
    UUID systemAccount(String code, Currency currency);

    /**
     * Appends entries booked at {@code bookedAt} (statements group by booking time) and stores the
     * account's new balance and suspension state; the account must be locked.
     */
    void save(CustomerAccount account, List<LedgerEntry> newEntries, java.time.Instant bookedAt);
}
