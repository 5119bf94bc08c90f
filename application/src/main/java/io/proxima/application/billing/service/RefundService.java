package io.proxima.application.billing.service;

import io.proxima.application.billing.port.in.BillingViews.Created;
import io.proxima.application.billing.port.in.BillingViews.RefundView;
import io.proxima.application.billing.port.in.RefundUseCase;
import io.proxima.application.billing.port.out.BillingClock;
import io.proxima.application.billing.port.out.PaymentGateway;
import io.proxima.application.billing.port.out.PaymentGatewayException;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.Refund;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Refunds: reserve and debit in one transaction, call the gateway outside any transaction, then
 * record the outcome (a failed gateway refund is reversed by a new ledger entry, never deleted).
 */
@ApplicationScoped
public class RefundService implements RefundUseCase {

    private final RefundSteps steps;
    private final RechargeSteps orders;
    private final BillingSupport support;
    private final BillingClock clock;
    private final ControlDispatcher dispatcher;

    @Inject
    public RefundService(RefundSteps steps, RechargeSteps orders, BillingSupport support, BillingClock clock,
                         ControlDispatcher dispatcher) {
        this.steps = steps;
        this.orders = orders;
        this.support = support;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    @Override
    public Created<RefundView> refund(RefundRequest r) {
        BillingSupport.checkKey(r.idempotencyKey());
        List<FieldError> errors = new ArrayList<>();
        String destination = r.destination() == null ? "" : r.destination().trim().toLowerCase(Locale.ROOT);
        String reason = BillingSupport.requireReason(r.reason(), errors);
        UUID owner;
        if ("gateway".equals(destination)) {
            if (r.orderId() == null) {
                errors.add(FieldError.of("order_id", "validation.required", "is required"));
                owner = null;
            } else {
                owner = orders.find(r.orderId()).ownerId();
            }
        } else if ("balance".equals(destination)) {
            if (r.userId() == null) {
                errors.add(FieldError.of("user_id", "validation.required", "is required"));
            }
            if (r.orderId() != null) {
                // A recharge's money is in the balance already: refunding it "to the balance" would mint money.
                errors.add(FieldError.of("order_id", "validation.billing.order_to_balance",
                        "cannot be refunded to the balance; refund it through its gateway"));
            }
            owner = r.userId();
        } else {
            errors.add(FieldError.of("destination", "validation.billing.destination", "must be gateway or balance"));
            owner = null;
        }
        Money amount = null;
        if (owner != null) {
            Currency currency = support.currencyOf(owner);
            support.checkCurrency(r.currency(), currency, errors);
            amount = support.parseAmount(r.amount(), currency, errors);
            if (amount != null && !amount.isPositive()) {
                errors.add(FieldError.of("amount", "validation.money.positive", "must be greater than 0"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.now();
        UUID refundId = UUID.randomUUID();
        String hash = BillingSupport.hash(destination, r.orderId(), r.userId(), r.vmId(), amount.minor(), reason);
        if ("balance".equals(destination)) {
            RefundSteps.Reserved done = steps.refundCharges(refundId, owner, r.vmId(), amount, reason, r.adminId(),
                    r.idempotencyKey(), hash, now);
            dispatcher.dispatch();
            return new Created<>(RefundView.from(done.refund()), done.replayed());
        }
        RefundSteps.Reserved reserved = steps.reserveGatewayRefund(refundId, r.orderId(), amount, reason, r.adminId(),
                r.idempotencyKey(), hash, now);
        if (reserved.replayed() || reserved.refund().status() != Refund.Status.PENDING) {
            return new Created<>(RefundView.from(reserved.refund()), true);
        }
        PaymentGateway gateway = support.gateway(reserved.order().gateway())
                .orElseThrow(() -> new PaymentGatewayException(reserved.order().gateway(), "not configured"));
        try {
            String ref = gateway.refund(reserved.order().paymentRef(), amount, "refund-" + refundId);
            return new Created<>(RefundView.from(steps.succeeded(refundId, ref)), false);
        } catch (PaymentGatewayException e) {
            steps.failed(refundId, clock.now());
            throw e;
        }
    }
}
