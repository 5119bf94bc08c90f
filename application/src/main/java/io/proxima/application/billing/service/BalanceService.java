package io.proxima.application.billing.service;

import io.proxima.application.audit.AuditEvent;

import io.proxima.application.billing.port.in.BalanceUseCase;
import io.proxima.application.billing.port.in.BillingQueryUseCase;
import io.proxima.application.billing.port.in.BillingViews.BalanceView;
import io.proxima.application.billing.port.in.BillingViews.Created;
import io.proxima.application.billing.port.in.BillingViews.InvoiceDetail;
import io.proxima.application.billing.port.in.BillingViews.InvoiceSummary;
import io.proxima.application.billing.port.in.BillingViews.LedgerCheck;
import io.proxima.application.billing.port.in.BillingViews.RechargeView;
import io.proxima.application.billing.port.in.BillingViews.TransactionFilter;
import io.proxima.application.billing.port.in.BillingViews.TransactionView;
import io.proxima.application.billing.port.out.BillingClock;
import io.proxima.application.billing.port.out.BillingQueries;
import io.proxima.application.billing.port.out.IdempotencyStore;
import io.proxima.application.billing.port.out.LedgerRepository;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.domain.billing.ChargingPolicy;
import io.proxima.domain.billing.CustomerAccount;
import io.proxima.domain.billing.EntryDraft;
import io.proxima.domain.billing.LedgerEntry;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.TransactionType;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Balances, administrators' adjustments, the ledger proof and the read side of billing. */
@ApplicationScoped
@Transactional
public class BalanceService implements BalanceUseCase, BillingQueryUseCase {

    @Inject
    BillingAudit audit;


    private final LedgerRepository ledger;
    private final BillingQueries queries;
    private final IdempotencyStore keys;
    private final Postings postings;
    private final BillingSupport support;
    private final BillingClock clock;

    @Inject
    public BalanceService(LedgerRepository ledger, BillingQueries queries, IdempotencyStore keys, Postings postings,
                          BillingSupport support, BillingClock clock) {
        this.ledger = ledger;
        this.queries = queries;
        this.keys = keys;
        this.postings = postings;
        this.support = support;
        this.clock = clock;
    }

    @Override
    public BalanceView balance(UUID ownerId) {
        Optional<CustomerAccount> account = ledger.findAccount(ownerId);
        Currency currency = account.map(CustomerAccount::currency).orElseGet(support::defaultCurrency);
        Money balance = account.map(CustomerAccount::balance).orElse(Money.zero(currency));
        Money burn = Money.of(queries.burnRatePerHour(ownerId), currency);
        return new BalanceView(ownerId, balance, burn, ChargingPolicy.hoursLeft(balance, burn),
                account.map(CustomerAccount::suspendedAt).orElse(null));
    }

    @Override
    public Created<TransactionView> adjust(AdjustBalance c) {
        BillingSupport.checkKey(c.idempotencyKey());
        Currency currency = support.currencyOf(c.userId());
        List<FieldError> errors = new ArrayList<>();
        support.checkCurrency(c.currency(), currency, errors);
        Money amount = support.parseAmount(c.amount(), currency, errors);
        String reason = BillingSupport.requireReason(c.reason(), errors);
        if (amount != null) {
            Money ceiling = support.limits(currency).max().times(100);
            if (amount.isZero()) {
                errors.add(FieldError.of("amount", "validation.money.nonzero", "must not be 0"));
            } else if (amount.minor() > ceiling.minor() || -amount.minor() > ceiling.minor()) {
                errors.add(FieldError.of("amount", "validation.money.max", "must be at most " + ceiling.toPlainString()
                        + " either way", ceiling.toPlainString()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.now();
        UUID entryId = UUID.randomUUID();
        if (c.idempotencyKey() != null) {
            String hash = BillingSupport.hash(c.userId(), amount.minor(), reason);
            Optional<IdempotencyStore.Claim> earlier = keys.claim("adjustment", c.adminId(), c.idempotencyKey(), hash,
                    entryId.toString(), now, RechargeSteps.KEY_WINDOW);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(hash)) {
                    throw BillingSupport.keyReused();
                }
                UUID id = UUID.fromString(earlier.get().resultRef());
                return new Created<>(transaction(c.userId(), id), true);
            }
        }
        CustomerAccount account = ledger.lockAccount(c.userId(), currency);
        UUID counter = ledger.systemAccount("adjustments", currency);
        EntryDraft draft = new EntryDraft(entryId, TransactionType.ADJUSTMENT, counter, amount, null, null, null, null,
                null, c.adminId(), reason, "Balance adjustment: " + reason, now);
        LedgerEntry entry = account.post(draft);
        postings.save(account, List.of(entry), now);
        BillingAudit.record(audit, AuditEvent.of("billing.adjustment", "user", c.userId()).user(c.userId())
                .detail("transaction_id", entry.id()).detail("amount", amount.toPlainString())
                .detail("currency", currency.getCurrencyCode()).detail("reason", reason));
        return new Created<>(transaction(c.userId(), entry.id()), false);
    }

    private TransactionView transaction(UUID owner, UUID id) {
        // By id: a replay finds its entry however many were booked since (not only the newest page).
        return queries.transaction(owner, id).orElseThrow(() -> new NotFoundException("transaction", id));
    }

    @Override
    public LedgerCheck checkLedger() {
        return queries.checkLedger();
    }

    @Override
    public Page<TransactionView> transactions(TransactionFilter filter, PageRequest page) {
        if (filter.type() != null) {
            try {
                TransactionType.fromWire(filter.type());
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("type", "validation.billing.type",
                        "must be one of recharge, charge, refund, adjustment, reversal");
            }
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw ValidationException.of("to", "validation.date_order", "must not be before from");
        }
        return queries.transactions(filter, page);
    }

    @Override
    public Page<InvoiceSummary> invoices(UUID ownerId, PageRequest page) {
        return queries.invoices(ownerId, page);
    }

    @Override
    public InvoiceDetail invoice(UUID invoiceId, UUID viewerId, boolean admin) {
        InvoiceDetail d = queries.invoice(invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        if (!admin && !d.summary().ownerId().equals(viewerId)) {
            throw new NotFoundException("invoice", invoiceId);
        }
        return d;
    }

    @Override
    public Page<RechargeView> orders(UUID ownerId, PageRequest page) {
        return queries.orders(ownerId, page);
    }
}
