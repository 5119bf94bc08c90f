package io.proxima.application.billing.service;

import io.proxima.application.billing.port.in.BillingViews.Created;
import io.proxima.application.billing.port.in.BillingViews.RechargeView;
import io.proxima.application.billing.port.in.RechargeUseCase;
import io.proxima.application.billing.port.out.BillingClock;
import io.proxima.application.billing.port.out.PaymentGateway;
import io.proxima.application.billing.port.out.PaymentGatewayException;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.RechargeOrder;
import io.proxima.domain.billing.RechargeStatus;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Recharges. Not transactional itself: it sequences {@link RechargeSteps} around the gateway
 * calls, and delivers unsuspensions once the credit is committed.
 */
@ApplicationScoped
public class RechargeService implements RechargeUseCase {

    private final RechargeSteps steps;
    private final BillingSupport support;
    private final BillingClock clock;
    private final ControlDispatcher dispatcher;

    @Inject
    public RechargeService(RechargeSteps steps, BillingSupport support, BillingClock clock, ControlDispatcher dispatcher) {
        this.steps = steps;
        this.support = support;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    @Override
    public Created<RechargeView> create(CreateRecharge c) {
        BillingSupport.checkKey(c.idempotencyKey());
        Currency currency = support.currencyOf(c.ownerId());
        List<FieldError> errors = new ArrayList<>();
        Optional<PaymentGateway> gateway = support.gateway(c.gateway());
        if (gateway.isEmpty() || !gateway.get().enabled()) {
            errors.add(FieldError.of("gateway", "validation.billing.gateway", "must be one of " + enabledGateways(),
                    enabledGateways()));
        }
        support.checkCurrency(c.currency(), currency, errors);
        Money amount = support.parseAmount(c.amount(), currency, errors);
        if (amount != null) {
            try {
                support.limits(currency).check(amount);
            } catch (ValidationException e) {
                errors.addAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        PaymentGateway g = gateway.get();
        var now = clock.now();
        RechargeOrder fresh = RechargeOrder.create(UUID.randomUUID(), c.ownerId(), amount, g.name(), now,
                now.plus(support.config().orderLifetime()));
        String hash = BillingSupport.hash(amount.minor(), currency.getCurrencyCode(), g.name());
        RechargeSteps.Pending pending = steps.createPending(fresh, c.idempotencyKey(), hash, now);
        RechargeOrder order = pending.order();
        if (order.status() == RechargeStatus.PENDING && order.externalId() == null && order.paymentUrl() == null) {
            // Also reached by a retry after a crash between the two steps: the gateway's own
            // idempotency key (the order id) makes the second call return the first checkout.
            order = openCheckout(g, order);
        }
        return new Created<>(RechargeView.from(order), pending.replayed());
    }

    private RechargeOrder openCheckout(PaymentGateway g, RechargeOrder order) {
        PaymentGateway.Checkout checkout;
        try {
            checkout = g.createCheckout(new PaymentGateway.CheckoutRequest(order.id(), order.ownerId(), order.amount(),
                    "Proxima balance recharge", order.expiresAt(), "recharge-" + order.id()));
        } catch (PaymentGatewayException e) {
            steps.fail(order.id(), e.getMessage());
            throw e;
        }
        if (checkout.externalId() == null && checkout.paymentUrl() == null) {
            return order; // an offline gateway: nothing to attach
        }
        return steps.attachCheckout(order.id(), checkout);
    }

    private String enabledGateways() {
        List<String> names = new ArrayList<>();
        for (String n : support.gatewayNames()) {
            support.gateway(n).filter(PaymentGateway::enabled).ifPresent(g -> names.add(g.name()));
        }
        return String.join(", ", names);
    }

    @Override
    public RechargeView get(UUID orderId, UUID viewerId, boolean admin) {
        RechargeOrder o = steps.find(orderId);
        if (!admin && !o.ownerId().equals(viewerId)) {
            throw new NotFoundException("recharge", orderId);
        }
        return RechargeView.from(o);
    }

    @Override
    public RechargeView confirmManual(UUID orderId, UUID adminId) {
        RechargeOrder o = steps.confirmManual(orderId, adminId, clock.now());
        dispatcher.dispatch();
        return RechargeView.from(o);
    }

    @Override
    public WebhookOutcome handleWebhook(String gatewayName, Map<String, String> headers, byte[] body) {
        PaymentGateway g = support.gatewayOrNotFound(gatewayName);
        PaymentGateway.Event event = g.verifyWebhook(headers, body, clock.now());
        WebhookOutcome outcome = steps.applyEvent(g.name(), event, clock.now());
        if (outcome == WebhookOutcome.CREDITED) {
            dispatcher.dispatch();
        }
        return outcome;
    }
}
