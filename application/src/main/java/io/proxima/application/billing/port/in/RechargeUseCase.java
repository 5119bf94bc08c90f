package io.proxima.application.billing.port.in;

import io.proxima.application.billing.port.in.BillingViews.Created;
import io.proxima.application.billing.port.in.BillingViews.RechargeView;
import java.util.Map;
import java.util.UUID;

/** Recharge orders: creation through a payment gateway, payment confirmation, webhooks. */
public interface RechargeUseCase {

    /** A customer's request to top up; amount and currency as the client sent them. */
    record CreateRecharge(UUID ownerId, String amount, String currency, String gateway, String idempotencyKey) {
    }

    /** How a webhook delivery was handled. */
    enum WebhookOutcome { CREDITED, DUPLICATE, IGNORED }

    /** Creates the order and its checkout at the gateway; the same idempotency key and body return the first order. */
    Created<RechargeView> create(CreateRecharge command);

    /** The order, for its owner or an administrator (404 for anyone else). */
    RechargeView get(UUID orderId, UUID viewerId, boolean admin);

    /** An administrator confirms a manual payment (bank transfer) and the balance is credited once. */
    RechargeView confirmManual(UUID orderId, UUID adminId);

    /** Authenticates and applies a gateway callback; credits at most once per order and per event id. */
    WebhookOutcome handleWebhook(String gateway, Map<String, String> headers, byte[] body);
}
