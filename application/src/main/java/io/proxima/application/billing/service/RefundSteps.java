package io.proxima.application.billing.service;

import io.proxima.application.audit.AuditEvent;

import io.proxima.application.billing.port.out.IdempotencyStore;
import io.proxima.application.billing.port.out.LedgerRepository;
import io.proxima.application.billing.port.out.RechargeOrderRepository;
import io.proxima.application.billing.port.out.RefundRepository;
import io.proxima.domain.billing.CustomerAccount;
import io.proxima.domain.billing.EntryDraft;
import io.proxima.domain.billing.LedgerEntry;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.RechargeOrder;
import io.proxima.domain.billing.Refund;
import io.proxima.domain.billing.TransactionType;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Transactional steps of refunds. The order row (gateway refunds) or the account row (charge
 * refunds) is locked while the refundable amount is checked and reserved, so concurrent refunds
 * of one order can never add up to more than it.
 */
@ApplicationScoped
@Transactional
public class RefundSteps {

    @Inject
    BillingAudit audit;


    private final RechargeOrderRepository orders;
    private final RefundRepository refunds;
    private final LedgerRepository ledger;
    private final IdempotencyStore keys;
    private final Postings postings;

    @Inject
    public RefundSteps(RechargeOrderRepository orders, RefundRepository refunds, LedgerRepository ledger,
                       IdempotencyStore keys, Postings postings) {
        this.orders = orders;
        this.refunds = refunds;
        this.ledger = ledger;
        this.keys = keys;
        this.postings = postings;
    }

    /** The reserved refund and the order it refunds; {@code replayed} for an earlier request with the same key. */
    public record Reserved(Refund refund, RechargeOrder order, boolean replayed) {
    }

    public Optional<Refund> replay(UUID adminId, String key, String hash, UUID newId, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<IdempotencyStore.Claim> earlier = keys.claim("refund", adminId, key, hash, newId.toString(), now,
                RechargeSteps.KEY_WINDOW);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().requestHash().equals(hash)) {
            throw BillingSupport.keyReused();
        }
        return refunds.find(UUID.fromString(earlier.get().resultRef()));
    }

    /** Reserves a gateway refund of a paid order and debits the balance by it. */
    public Reserved reserveGatewayRefund(UUID refundId, UUID orderId, Money amount, String reason, UUID adminId,
                                         String key, String hash, Instant now) {
        Optional<Refund> earlier = replay(adminId, key, hash, refundId, now);
        if (earlier.isPresent()) {
            return new Reserved(earlier.get(), orders.find(orderId).orElseThrow(), true);
        }
        RechargeOrder order = orders.lock(orderId).orElseThrow(() -> new NotFoundException("recharge", orderId));
        if (!amount.sameCurrencyAs(order.amount())) {
            throw ValidationException.of("currency", "validation.currency.mismatch", "must be " + order.amount().currencyCode(),
                    order.amount().currencyCode());
        }
        order.refund(amount);
        CustomerAccount account = ledger.lockAccount(order.ownerId(), amount.currency());
        if (account.balance().compareTo(amount) < 0) {
            // Refunding money the customer has already spent would leave a debt behind.
            throw new StateConflictException("error.billing.refund_exceeds_balance",
                    "the refund exceeds the customer's balance of " + account.balance(), "balance:" + account.balance().toPlainString());
        }
        if (!"manual".equals(order.gateway()) && order.paymentRef() == null) {
            throw new StateConflictException("error.billing.no_payment_ref",
                    "the gateway has not reported the payment to refund", order.status().wire());
        }
        Refund refund = new Refund(refundId, order.ownerId(), order.id(), null, amount, Refund.Destination.GATEWAY,
                Refund.Status.PENDING, reason, adminId, null, now);
        refunds.insert(refund);
        orders.update(order);
        UUID clearing = ledger.systemAccount("gateway:" + order.gateway(), amount.currency());
        LedgerEntry entry = account.post(EntryDraft.of(TransactionType.REFUND, clearing, amount.negate(),
                "Refund of recharge " + order.id() + " via " + order.gateway(), now).withOrder(order.id())
                .withRefund(refundId).by(adminId, reason));
        postings.save(account, List.of(entry), now);
        BillingAudit.record(audit, AuditEvent.of("billing.refund", "refund", refundId).user(order.ownerId())
                .detail("order_id", order.id()).detail("amount", amount.toPlainString())
                .detail("currency", amount.currencyCode()).detail("destination", "gateway").detail("reason", reason));
        return new Reserved(refund, order, false);
    }

    public Refund succeeded(UUID refundId, String gatewayRef) {
        Refund r = refunds.find(refundId).orElseThrow().settled(Refund.Status.SUCCEEDED, gatewayRef);
        refunds.update(r);
        return r;
    }

    /** The gateway refused: the reservation is released and the debit reversed by a new entry. */
    public Refund failed(UUID refundId, Instant now) {
        Refund r = refunds.find(refundId).orElseThrow();
        RechargeOrder order = orders.lock(r.orderId()).orElseThrow();
        order.releaseRefund(r.amount());
        orders.update(order);
        CustomerAccount account = ledger.lockAccount(r.ownerId(), r.amount().currency());
        UUID clearing = ledger.systemAccount("gateway:" + order.gateway(), r.amount().currency());
        LedgerEntry entry = account.post(EntryDraft.of(TransactionType.REVERSAL, clearing, r.amount(),
                "Reversal of failed refund " + r.id(), now).withOrder(order.id()).withRefund(r.id())
                .by(r.actorId(), "gateway refused the refund"));
        postings.save(account, List.of(entry), now);
        Refund failed = r.settled(Refund.Status.FAILED, null);
        refunds.update(failed);
        return failed;
    }

    /** Credits charges back to the balance; bounded by what was charged minus what was refunded. */
    public Reserved refundCharges(UUID refundId, UUID ownerId, UUID vmId, Money amount, String reason, UUID adminId,
                                  String key, String hash, Instant now) {
        Optional<Refund> earlier = replay(adminId, key, hash, refundId, now);
        if (earlier.isPresent()) {
            return new Reserved(earlier.get(), null, true);
        }
        CustomerAccount account = ledger.lockAccount(ownerId, amount.currency());
        if (!account.currency().equals(amount.currency())) {
            throw ValidationException.of("currency", "validation.currency.mismatch", "must be " + account.currency(),
                    account.currency().getCurrencyCode());
        }
        Money refundable = refunds.refundableCharges(ownerId, vmId, account.currency());
        if (amount.compareTo(refundable) > 0) {
            throw ValidationException.of("amount", "validation.refund.exceeds",
                    "exceeds the refundable " + refundable.toPlainString(), refundable.toPlainString());
        }
        Refund refund = new Refund(refundId, ownerId, null, vmId, amount, Refund.Destination.BALANCE,
                Refund.Status.SUCCEEDED, reason, adminId, null, now);
        refunds.insert(refund);
        UUID revenue = ledger.systemAccount("revenue", account.currency());
        LedgerEntry entry = account.post(EntryDraft.of(TransactionType.REFUND, revenue, amount,
                vmId == null ? "Refund of charges" : "Refund of charges for VM " + vmId, now)
                .withVm(vmId, null).withRefund(refundId).by(adminId, reason));
        postings.save(account, List.of(entry), now);
        BillingAudit.record(audit, AuditEvent.of("billing.refund", "refund", refundId).user(ownerId)
                .detail("vm_id", vmId).detail("amount", amount.toPlainString())
                .detail("currency", amount.currencyCode()).detail("destination", "balance").detail("reason", reason));
        return new Reserved(refund, null, false);
    }
}
