package io.proxima.application.billing.service;

import io.proxima.application.billing.port.in.MeteringUseCase;
import io.proxima.application.billing.port.out.LedgerRepository;
import io.proxima.application.billing.port.out.MeteringRepository;
import io.proxima.domain.billing.CustomerAccount;
import io.proxima.domain.billing.EntryDraft;
import io.proxima.domain.billing.HourCharge;
import io.proxima.domain.billing.HourlyPricing;
import io.proxima.domain.billing.InsufficientBalanceException;
import io.proxima.domain.billing.LedgerEntry;
import io.proxima.domain.billing.MeteredResource;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.TransactionType;
import io.proxima.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Metering driven by the VM context. Each call locks the VM's metering row before the account
 * row (the order the billing run uses too), charges the hours that started before the event
 * through the same rules as the run, and applies the event.
 */
@ApplicationScoped
@Transactional
public class MeteringService implements MeteringUseCase {

    private static final Logger LOG = Logger.getLogger(MeteringService.class.getName());

    private final MeteringRepository metering;
    private final LedgerRepository ledger;
    private final Postings postings;
    private final BillingSupport support;

    @Inject
    public MeteringService(MeteringRepository metering, LedgerRepository ledger, Postings postings, BillingSupport support) {
        this.metering = metering;
        this.ledger = ledger;
        this.postings = postings;
        this.support = support;
    }

    @Override
    public void ensureCanAfford(UUID ownerId, Money hourly) {
        Money balance = ledger.findAccount(ownerId).map(CustomerAccount::balance)
                .orElseGet(() -> Money.zero(support.defaultCurrency()));
        requireCovered(balance, hourly);
    }

    @Override
    public void start(StartMetering c) {
        CustomerAccount account = ledger.lockAccount(c.ownerId(), support.defaultCurrency());
        // The account lock serialises starts of the owner's VMs, so the existence check is race-free.
        Optional<MeteredResource> existing = metering.lockByVm(c.vmId());
        if (existing.isPresent()) {
            return;
        }
        requireCovered(account.balance(), c.pricing().hourly());
        MeteredResource r = MeteredResource.start(UUID.randomUUID(), c.vmId(), c.ownerId(), account.id(), c.planId(),
                c.pricing(), c.at());
        List<HourCharge> first = r.chargeDue(c.at());
        metering.insert(r);
        postings.save(account, postings.hourCharges(account, first, c.at()), c.at());
    }

    @Override
    public void suspend(UUID vmId, Instant at, String reason) {
        apply(vmId, at, (r, account) -> {
            List<LedgerEntry> entries = postings.hourCharges(account, r.chargeStartedBefore(at), at);
            r.suspend(at, reason == null ? "admin" : reason);
            return entries;
        });
    }

    @Override
    public void resume(UUID vmId, Instant at) {
        apply(vmId, at, (r, account) -> {
            r.resume(at);
            return postings.hourCharges(account, r.chargeDue(at), at);
        });
    }

    @Override
    public void changePlan(UUID vmId, UUID planId, HourlyPricing pricing, Instant at) {
        apply(vmId, at, (r, account) -> {
            if (!pricing.currency().equals(account.currency())) {
                throw ValidationException.of("plan_id", "validation.currency.mismatch",
                        "is priced in " + pricing.currency() + ", the account in " + account.currency(),
                        account.currency().getCurrencyCode());
            }
            List<LedgerEntry> entries = new ArrayList<>(postings.hourCharges(account, r.chargeStartedBefore(at), at));
            Money proration = r.changePlan(planId, pricing, at);
            if (!proration.isZero()) {
                UUID revenue = ledger.systemAccount("revenue", account.currency());
                entries.add(account.post(EntryDraft.of(TransactionType.CHARGE, revenue, proration.negate(),
                        proration.isPositive() ? "Plan change: rest of the hour at the new price"
                                : "Plan change: credit for the rest of the hour", at).withVm(vmId, null)));
            }
            entries.addAll(postings.hourCharges(account, r.chargeDue(at), at));
            return entries;
        });
    }

    @Override
    public void stop(UUID vmId, Instant at) {
        apply(vmId, at, (r, account) -> {
            List<LedgerEntry> entries = postings.hourCharges(account, r.chargeStartedBefore(at), at);
            r.end(at);
            return entries;
        });
    }

    private interface Change {
        List<LedgerEntry> apply(MeteredResource r, CustomerAccount account);
    }

    private void apply(UUID vmId, Instant at, Change change) {
        Optional<MeteredResource> found = metering.lockByVm(vmId);
        if (found.isEmpty()) {
            // A VM that never started metering (its creation failed) has nothing to bill.
            LOG.fine(() -> "no metering record for VM " + vmId);
            return;
        }
        MeteredResource r = found.get();
        CustomerAccount account = ledger.lockAccount(r.ownerId(), r.pricing().currency());
        List<LedgerEntry> entries = change.apply(r, account);
        metering.update(r);
        postings.save(account, entries, at);
    }

    private void requireCovered(Money balance, Money hourly) {
        if (!balance.sameCurrencyAs(hourly)) {
            throw ValidationException.of("plan_id", "validation.currency.mismatch",
                    "is priced in " + hourly.currencyCode() + ", the account in " + balance.currencyCode(),
                    balance.currencyCode());
        }
        Money required = hourly.times(support.minBalanceHours());
        if (balance.compareTo(required) < 0) {
            throw new InsufficientBalanceException(balance, required);
        }
    }
}
