package io.proxima.application.billing.service;

import io.proxima.application.billing.port.out.EnforcementRepository;
import io.proxima.application.billing.port.out.LedgerRepository;
import io.proxima.domain.billing.CustomerAccount;
import io.proxima.domain.billing.EntryDraft;
import io.proxima.domain.billing.HourCharge;
import io.proxima.domain.billing.LedgerEntry;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.TransactionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Posting money to a locked account, always through the same steps: entries, cached balance and
 * — when the money brings a suspended account back above zero — the unsuspension, in one
 * transaction (the caller's).
 */
@ApplicationScoped
public class Postings {

    private final LedgerRepository ledger;
    private final EnforcementRepository enforcement;

    @Inject
    public Postings(LedgerRepository ledger, EnforcementRepository enforcement) {
        this.ledger = ledger;
        this.enforcement = enforcement;
    }

    public List<LedgerEntry> hourCharges(CustomerAccount account, List<HourCharge> charges, Instant at) {
        List<LedgerEntry> entries = new ArrayList<>();
        if (charges.isEmpty()) {
            return entries;
        }
        UUID revenue = ledger.systemAccount("revenue", account.currency());
        for (HourCharge c : charges) {
            entries.add(account.post(EntryDraft.of(TransactionType.CHARGE, revenue, c.amount().negate(),
                    "VM hourly charge", c.periodStart()).withVm(c.vmId(), c.periodStart())));
        }
        return entries;
    }

    /** Saves the account with its new entries and lifts billing's suspension when the balance is positive again. */
    public boolean save(CustomerAccount account, List<LedgerEntry> entries, Instant now) {
        boolean unsuspend = account.shouldBeUnsuspended();
        if (unsuspend) {
            account.clearSuspension();
        }
        ledger.save(account, entries, now);
        if (unsuspend) {
            enforcement.unsuspend(account.ownerId(), now);
        }
        return unsuspend;
    }

    public LedgerEntry post(CustomerAccount account, EntryDraft draft) {
        return account.post(draft);
    }

    public static Money zero(CustomerAccount a) {
        return Money.zero(a.currency());
    }
}
