package io.proxima.adapter.out.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.application.billing.port.out.InvalidWebhookException;
import io.proxima.application.billing.port.out.PaymentGateway;
import io.proxima.application.billing.port.out.PaymentGatewayException;
import io.proxima.domain.billing.Money;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Stripe Checkout Sessions over Stripe's HTTP API (form-encoded requests, JSON answers, bearer
 * secret key, {@code Idempotency-Key} on every POST) and Stripe-signed webhooks.
 */
public class StripeGateway implements PaymentGateway {

    /** Stripe accepts a session lifetime between 30 minutes and 24 hours. */
    private static final Duration MIN_EXPIRY = Duration.ofMinutes(31);
    private static final Duration MAX_EXPIRY = Duration.ofHours(23).plusMinutes(59);

    private final StripeSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final java.util.function.Supplier<Instant> wallClock;

    public StripeGateway(StripeSettings settings, HttpClient http, java.util.function.Supplier<Instant> wallClock) {
        this.settings = settings;
        this.http = http;
        this.wallClock = wallClock;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public boolean enabled() {
        return settings.configured();
    }

    @Override
    public Checkout createCheckout(CheckoutRequest r) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "payment");
        form.put("client_reference_id", r.orderId().toString());
        form.put("metadata[order_id]", r.orderId().toString());
        form.put("line_items[0][quantity]", "1");
        form.put("line_items[0][price_data][currency]", r.amount().currencyCode().toLowerCase(Locale.ROOT));
        form.put("line_items[0][price_data][unit_amount]", Long.toString(r.amount().minor()));
        form.put("line_items[0][price_data][product_data][name]", r.description());
        form.put("success_url", settings.successUrl());
        form.put("cancel_url", settings.cancelUrl());
        // Stripe measures the lifetime against real time, whatever billing's clock says.
        Instant realNow = wallClock.get();
        Duration wanted = Duration.between(realNow, r.expiresAt());
        Duration lifetime = wanted.compareTo(MIN_EXPIRY) < 0 ? MIN_EXPIRY : wanted.compareTo(MAX_EXPIRY) > 0 ? MAX_EXPIRY : wanted;
        form.put("expires_at", Long.toString(realNow.plus(lifetime).getEpochSecond()));
        JsonNode session = post("/v1/checkout/sessions", form, r.idempotencyKey());
        return new Checkout(text(session, "id"), text(session, "url"));
    }

    @Override
    public PaymentStatus retrieve(String externalId) {
        JsonNode s = call(HttpRequest.newBuilder(uri("/v1/checkout/sessions/" + URLEncoder.encode(externalId, StandardCharsets.UTF_8))).GET());
        return new PaymentStatus(externalId, state(s), amount(s), text(s, "payment_intent"));
    }

    @Override
    public Event verifyWebhook(Map<String, String> headers, byte[] body, Instant now) {
        String header = null;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Stripe-Signature")) {
                header = h.getValue();
            }
        }
        StripeSignature.verify(header, body, settings.webhookSecret(), now, settings.webhookTolerance());
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            throw new InvalidWebhookException("body is not JSON");
        }
        String id = text(event, "id");
        String type = text(event, "type");
        if (id == null || type == null) {
            throw new InvalidWebhookException("no event id or type");
        }
        JsonNode object = event.path("data").path("object");
        EventKind kind = switch (type) {
            case "checkout.session.completed" -> {
                String paid = text(object, "payment_status");
                // Delayed methods (bank debits) complete the session unpaid and succeed later.
                yield "paid".equals(paid) || "no_payment_required".equals(paid) ? EventKind.PAYMENT_SUCCEEDED : EventKind.IGNORED;
            }
            case "checkout.session.async_payment_succeeded" -> EventKind.PAYMENT_SUCCEEDED;
            case "checkout.session.async_payment_failed" -> EventKind.PAYMENT_FAILED;
            case "checkout.session.expired" -> EventKind.CHECKOUT_EXPIRED;
            default -> EventKind.IGNORED;
        };
        return new Event(id, type, kind, text(object, "id"), orderId(object), amount(object), text(object, "payment_intent"));
    }

    @Override
    public String refund(String paymentRef, Money amount, String idempotencyKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("payment_intent", paymentRef);
        form.put("amount", Long.toString(amount.minor()));
        form.put("reason", "requested_by_customer");
        JsonNode refund = post("/v1/refunds", form, idempotencyKey);
        String status = text(refund, "status");
        if ("failed".equals(status) || "canceled".equals(status)) {
            throw new PaymentGatewayException(name(), "refund " + text(refund, "id") + " is " + status);
        }
        return text(refund, "id");
    }

    private JsonNode post(String path, Map<String, String> form, String idempotencyKey) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return call(b);
    }

    private JsonNode call(HttpRequest.Builder b) {
        if (!settings.configured()) {
            throw new PaymentGatewayException(name(), "not configured");
        }
        HttpRequest request = b.header("Authorization", "Bearer " + settings.secretKey())
                .header("Stripe-Version", "2024-06-20")
                .timeout(settings.timeout()).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PaymentGatewayException(name(), "unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentGatewayException(name(), "interrupted");
        }
        JsonNode node;
        try {
            node = json.readTree(response.body());
        } catch (IOException e) {
            throw new PaymentGatewayException(name(), "HTTP " + response.statusCode() + " with a body that is not JSON");
        }
        if (response.statusCode() / 100 != 2) {
            // Stripe's error message names the problem and never echoes the key.
            throw new PaymentGatewayException(name(), "HTTP " + response.statusCode() + ": " + node.path("error").path("message").asText(""));
        }
        return node;
    }

    private URI uri(String path) {
        return URI.create(settings.apiBase().replaceAll("/+$", "") + path);
    }

    private static PaymentState state(JsonNode session) {
        String status = text(session, "status");
        String paid = text(session, "payment_status");
        if ("paid".equals(paid) || "no_payment_required".equals(paid)) {
            return PaymentState.PAID;
        }
        if ("expired".equals(status)) {
            return PaymentState.EXPIRED;
        }
        return PaymentState.OPEN;
    }

    private static Money amount(JsonNode object) {
        String currency = text(object, "currency");
        if (currency == null || !object.hasNonNull("amount_total")) {
            return null;
        }
        try {
            return Money.of(object.get("amount_total").asLong(), Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID orderId(JsonNode object) {
        String ref = text(object, "client_reference_id");
        if (ref == null) {
            ref = text(object.path("metadata"), "order_id");
        }
        try {
            return ref == null ? null : UUID.fromString(ref);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
