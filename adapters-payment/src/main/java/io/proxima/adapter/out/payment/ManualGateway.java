package io.proxima.adapter.out.payment;

import io.proxima.application.billing.port.out.InvalidWebhookException;
import io.proxima.application.billing.port.out.PaymentGateway;
import io.proxima.domain.billing.Money;
import java.time.Instant;
import java.util.Map;

/**
 * Bank transfers: the order waits until an administrator confirms the money arrived. No
 * checkout page (an optional instructions URL), no webhooks; a refund is recorded and carried
 * out by hand by the operator.
 */
public class ManualGateway implements PaymentGateway {

    private final boolean enabled;
    private final String instructionsUrl;

    public ManualGateway(boolean enabled, String instructionsUrl) {
        this.enabled = enabled;
        this.instructionsUrl = instructionsUrl == null || instructionsUrl.isBlank() ? null : instructionsUrl;
    }

    @Override
    public String name() {
        return "manual";
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public Checkout createCheckout(CheckoutRequest request) {
        return new Checkout(null, instructionsUrl == null ? null : instructionsUrl + "?order=" + request.orderId());
    }

    @Override
    public PaymentStatus retrieve(String externalId) {
        return new PaymentStatus(externalId, PaymentState.OPEN, null, null);
    }

    @Override
    public Event verifyWebhook(Map<String, String> headers, byte[] body, Instant now) {
        throw new InvalidWebhookException("the manual gateway has no webhooks");
    }

    @Override
    public String refund(String paymentRef, Money amount, String idempotencyKey) {
        return "manual:" + idempotencyKey;
    }
}
