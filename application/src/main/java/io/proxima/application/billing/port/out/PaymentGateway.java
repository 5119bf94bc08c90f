package io.proxima.application.billing.port.out;

import io.proxima.domain.billing.Money;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A payment provider: opens checkouts, authenticates its webhooks, reports and refunds payments. */
public interface PaymentGateway {

    /** What the customer is asked to pay. */
    record CheckoutRequest(UUID orderId, UUID ownerId, Money amount, String description, Instant expiresAt,
                           String idempotencyKey) {
    }

    /** The provider's id of the checkout and where the customer pays (null for offline gateways). */
    record Checkout(String externalId, String paymentUrl) {
    }

    enum PaymentState { PAID, OPEN, EXPIRED, FAILED }

    /** What the provider says about a checkout. */
    record PaymentStatus(String externalId, PaymentState state, Money amount, String paymentRef) {
    }

    enum EventKind { PAYMENT_SUCCEEDED, PAYMENT_FAILED, CHECKOUT_EXPIRED, IGNORED }

    /** An authenticated webhook event. */
    record Event(String eventId, String type, EventKind kind, String externalId, UUID orderId, Money amount,
                 String paymentRef) {
    }

    /** The name used in URLs and orders ({@code stripe}, {@code manual}). */
    String name();

    /** Whether customers can start a recharge with it (the manual gateway may be admin-confirmed only). */
    boolean enabled();

    Checkout createCheckout(CheckoutRequest request);

    PaymentStatus retrieve(String externalId);

    /** Verifies the signature and freshness of a callback and parses it; throws {@link InvalidWebhookException}. */
    Event verifyWebhook(Map<String, String> headers, byte[] body, Instant now);

    /** Refunds part of a payment; returns the provider's refund id. */
    String refund(String paymentRef, Money amount, String idempotencyKey);
}
