package io.proxima.adapter.out.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.proxima.application.billing.port.out.InvalidWebhookException;
import io.proxima.application.billing.port.out.PaymentGateway;
import io.proxima.application.billing.port.out.PaymentGatewayException;
import io.proxima.domain.billing.Money;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe protocol against WireMock playing Stripe: request shapes, webhook signatures, replays. */
class StripeGatewayTest {

    static final String SECRET = "whsec_test_secret";
    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static WireMockServer stripe;
    StripeGateway gateway;

    @BeforeAll
    static void start() {
        stripe = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stripe.start();
    }

    @AfterAll
    static void stop() {
        stripe.stop();
    }

    @BeforeEach
    void setUp() {
        stripe.resetAll();
        gateway = new StripeGateway(new StripeSettings(true, stripe.baseUrl(), "sk_test_123", SECRET, Duration.ofMinutes(5),
                "https://panel.example/ok", "https://panel.example/cancel", Duration.ofSeconds(5)),
                HttpClient.newHttpClient(), () -> NOW);
    }

    @Test
    void creates_a_checkout_session_form_encoded_with_an_idempotency_key() {
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"cs_test_1\",\"url\":\"https://checkout.stripe.com/c/pay/cs_test_1\"}")));
        UUID order = UUID.randomUUID();
        PaymentGateway.Checkout c = gateway.createCheckout(new PaymentGateway.CheckoutRequest(order, UUID.randomUUID(),
                Money.of(1250, "USD"), "Proxima balance recharge", NOW.plus(Duration.ofHours(2)), "recharge-" + order));
        assertThat(c.externalId()).isEqualTo("cs_test_1");
        assertThat(c.paymentUrl()).startsWith("https://checkout.stripe.com/");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer sk_test_123"))
                .withHeader("Idempotency-Key", equalTo("recharge-" + order))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("mode=payment"))
                .withRequestBody(containing("client_reference_id=" + order))
                .withRequestBody(containing("line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=1250"))
                .withRequestBody(containing("line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=usd"))
                .withRequestBody(containing("expires_at=" + NOW.plus(Duration.ofHours(2)).getEpochSecond())));
    }

    @Test
    void stripe_errors_become_gateway_failures_without_the_key() {
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Your card was declined.\"}}")));
        assertThatThrownBy(() -> gateway.createCheckout(new PaymentGateway.CheckoutRequest(UUID.randomUUID(), UUID.randomUUID(),
                Money.of(100, "USD"), "x", NOW.plusSeconds(7200), "k")))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("declined")
                .hasMessageNotContaining("sk_test_123");
    }

    @Test
    void retrieves_a_session_for_the_janitor_and_refunds_by_payment_intent() {
        stripe.stubFor(get(urlEqualTo("/v1/checkout/sessions/cs_9")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"cs_9\",\"status\":\"complete\",\"payment_status\":\"paid\",\"amount_total\":500,"
                        + "\"currency\":\"usd\",\"payment_intent\":\"pi_9\"}")));
        PaymentGateway.PaymentStatus s = gateway.retrieve("cs_9");
        assertThat(s.state()).isEqualTo(PaymentGateway.PaymentState.PAID);
        assertThat(s.amount()).isEqualTo(Money.of(500, "USD"));
        assertThat(s.paymentRef()).isEqualTo("pi_9");

        stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"re_1\",\"status\":\"succeeded\"}")));
        assertThat(gateway.refund("pi_9", Money.of(200, "USD"), "refund-1")).isEqualTo("re_1");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("refund-1"))
                .withRequestBody(containing("payment_intent=pi_9")).withRequestBody(containing("amount=200")));
    }

    static byte[] completedEvent(String eventId, UUID order) {
        return ("{\"id\":\"" + eventId + "\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":{"
                + "\"id\":\"cs_1\",\"client_reference_id\":\"" + order + "\",\"payment_status\":\"paid\","
                + "\"amount_total\":1250,\"currency\":\"usd\",\"payment_intent\":\"pi_1\"}}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_correctly_signed_fresh_event_is_accepted_and_parsed() {
        UUID order = UUID.randomUUID();
        byte[] body = completedEvent("evt_1", order);
        String header = StripeSignature.header(NOW.getEpochSecond() - 10, body, SECRET);
        PaymentGateway.Event e = gateway.verifyWebhook(Map.of("stripe-signature", header), body, NOW);
        assertThat(e.eventId()).isEqualTo("evt_1");
        assertThat(e.kind()).isEqualTo(PaymentGateway.EventKind.PAYMENT_SUCCEEDED);
        assertThat(e.orderId()).isEqualTo(order);
        assertThat(e.amount()).isEqualTo(Money.of(1250, "USD"));
        assertThat(e.paymentRef()).isEqualTo("pi_1");
    }

    @Test
    void forged_tampered_and_unsigned_events_are_refused() {
        byte[] body = completedEvent("evt_2", UUID.randomUUID());
        long t = NOW.getEpochSecond();
        assertThatThrownBy(() -> gateway.verifyWebhook(Map.of("Stripe-Signature", StripeSignature.header(t, body, "whsec_wrong")), body, NOW))
                .isInstanceOf(InvalidWebhookException.class);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("1250", "999999").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> gateway.verifyWebhook(Map.of("Stripe-Signature", StripeSignature.header(t, body, SECRET)), tampered, NOW))
                .isInstanceOf(InvalidWebhookException.class);
        assertThatThrownBy(() -> gateway.verifyWebhook(Map.of(), body, NOW)).isInstanceOf(InvalidWebhookException.class);
        assertThatThrownBy(() -> gateway.verifyWebhook(Map.of("Stripe-Signature", "t=abc,v1=zz"), body, NOW))
                .isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void a_replayed_event_outside_the_tolerance_is_refused_even_with_a_valid_signature() {
        byte[] body = completedEvent("evt_3", UUID.randomUUID());
        long old = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();
        assertThatThrownBy(() -> gateway.verifyWebhook(Map.of("Stripe-Signature", StripeSignature.header(old, body, SECRET)), body, NOW))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("tolerance");
        // Several v1 values (secret rotation): one valid signature is enough.
        long t = NOW.getEpochSecond();
        String rotated = "t=" + t + ",v1=" + "00".repeat(32) + "," + StripeSignature.header(t, body, SECRET).split(",")[1];
        assertThat(gateway.verifyWebhook(Map.of("Stripe-Signature", rotated), body, NOW).eventId()).isEqualTo("evt_3");
    }
}
