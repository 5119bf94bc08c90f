package io.proxima.bootstrap.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.adapter.out.payment.StripeSignature;
import io.proxima.application.billing.port.in.BalanceUseCase;
import io.proxima.application.billing.port.in.BillingJobsUseCase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recharges through Stripe with WireMock playing Stripe: checkout, signed webhooks, janitor, expiry, refunds. */
@QuarkusTest
@QuarkusTestResource(StripeMock.class)
@QuarkusTestResource(TestTokens.class)
class StripeFlowTest {

    static final String WEBHOOK_SECRET = "whsec_test_proxima";

    @Inject
    TestBillingClock clock;

    @Inject
    BillingJobsUseCase jobs;

    @Inject
    BalanceUseCase balances;

    @BeforeEach
    void reset() {
        StripeMock.server.resetAll();
        clock.set(Instant.now());
    }

    String checkout(UUID user, String sessionId, String amount) {
        StripeMock.server.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + sessionId + "\",\"url\":\"https://checkout.stripe.test/" + sessionId + "\"}")));
        return given().header("Authorization", TestTokens.bearer(user, "user")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "stripe-" + sessionId)
                .body("{\"amount\":\"" + amount + "\",\"gateway\":\"stripe\"}")
                .when().post("/api/v1/billing/recharges").then().statusCode(201)
                .body("data.payment_url", is("https://checkout.stripe.test/" + sessionId))
                .body("data.gateway", is("stripe"))
                .extract().path("data.id");
    }

    static byte[] event(String id, String type, String session, String order, long cents, String paymentStatus) {
        return ("{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"data\":{\"object\":{\"id\":\"" + session
                + "\",\"client_reference_id\":\"" + order + "\",\"payment_status\":\"" + paymentStatus
                + "\",\"amount_total\":" + cents + ",\"currency\":\"usd\",\"payment_intent\":\"pi_" + session + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    io.restassured.response.ValidatableResponse deliver(byte[] body, String signature) {
        return given().header("Stripe-Signature", signature).contentType("application/json").body(body)
                .when().post("/api/v1/billing/webhooks/stripe").then();
    }

    long balance(UUID user) {
        return balances.balance(user).balance().minor();
    }

    @Test
    void a_signed_webhook_credits_once_and_forgeries_and_replays_credit_nothing() {
        UUID user = UUID.randomUUID();
        String order = checkout(user, "cs_flow_1", "25.00");
        StripeMock.server.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("recharge-" + order)));
        byte[] paid = event("evt_flow_1", "checkout.session.completed", "cs_flow_1", order, 2500, "paid");
        long now = clock.now().getEpochSecond();

        deliver(paid, StripeSignature.header(now, paid, "whsec_forged")).statusCode(400).body("code", is(40000));
        deliver(paid, StripeSignature.header(now - 600, paid, WEBHOOK_SECRET)).statusCode(400);
        given().contentType("application/json").body(paid).when().post("/api/v1/billing/webhooks/stripe").then().statusCode(400);
        assertThat(balance(user)).isZero();

        deliver(paid, StripeSignature.header(now, paid, WEBHOOK_SECRET)).statusCode(200).body("data.outcome", is("credited"));
        deliver(paid, StripeSignature.header(now, paid, WEBHOOK_SECRET)).statusCode(200).body("data.outcome", is("duplicate"));
        // The same payment reported again under a new event id: still one credit.
        byte[] again = event("evt_flow_2", "checkout.session.async_payment_succeeded", "cs_flow_1", order, 2500, "paid");
        deliver(again, StripeSignature.header(now, again, WEBHOOK_SECRET)).statusCode(200).body("data.outcome", is("duplicate"));
        assertThat(balance(user)).isEqualTo(2500);
        given().header("Authorization", TestTokens.bearer(user, "user")).when().get("/api/v1/billing/recharges/" + order)
                .then().body("data.status", is("paid"));

        given().contentType("application/json").body("{}").when().post("/api/v1/billing/webhooks/paypal").then().statusCode(404);
        given().contentType("application/json").body("{}").when().post("/api/v1/billing/webhooks/manual").then().statusCode(400);

        // Refund part of it back through Stripe.
        StripeMock.server.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"re_flow\",\"status\":\"succeeded\"}")));
        given().header("Authorization", TestTokens.bearer(BillingFixtures.ADMIN, "admin")).contentType(ContentType.JSON)
                .body("{\"order_id\":\"" + order + "\",\"amount\":\"5.00\",\"destination\":\"gateway\",\"reason\":\"asked\"}")
                .when().post("/api/v1/admin/billing/refunds").then().statusCode(201)
                .body("data.gateway_ref", is("re_flow"));
        StripeMock.server.verify(postRequestedFor(urlEqualTo("/v1/refunds")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("payment_intent=pi_cs_flow_1")));
        assertThat(balance(user)).isEqualTo(2000);

        // Stripe refuses the next refund: the debit is reversed by a new entry, the order is refundable again.
        StripeMock.server.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"charge disputed\"}}")));
        given().header("Authorization", TestTokens.bearer(BillingFixtures.ADMIN, "admin")).contentType(ContentType.JSON)
                .body("{\"order_id\":\"" + order + "\",\"amount\":\"5.00\",\"destination\":\"gateway\",\"reason\":\"again\"}")
                .when().post("/api/v1/admin/billing/refunds").then().statusCode(503).body("code", is(50301));
        assertThat(balance(user)).isEqualTo(2000);
        given().header("Authorization", TestTokens.bearer(user, "user")).when().get("/api/v1/billing/recharges/" + order)
                .then().body("data.refunded_amount", is("5.00"));
        assertThat(balances.checkLedger().consistent()).isTrue();
    }

    @Test
    void the_janitor_settles_orders_whose_webhook_never_came_and_stale_orders_expire() {
        UUID user = UUID.randomUUID();
        String paidOrder = checkout(user, "cs_lost_1", "10.00");
        String openOrder = checkout(user, "cs_open_1", "7.00");
        StripeMock.server.stubFor(get(urlEqualTo("/v1/checkout/sessions/cs_lost_1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"cs_lost_1\",\"status\":\"complete\","
                        + "\"payment_status\":\"paid\",\"amount_total\":1000,\"currency\":\"usd\",\"payment_intent\":\"pi_l\"}")));
        StripeMock.server.stubFor(get(urlEqualTo("/v1/checkout/sessions/cs_open_1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"cs_open_1\",\"status\":\"open\","
                        + "\"payment_status\":\"unpaid\",\"amount_total\":700,\"currency\":\"usd\"}")));

        assertThat(jobs.settlePendingOrders()).isZero(); // too young to chase
        clock.advance(Duration.ofMinutes(20));
        jobs.settlePendingOrders();
        assertThat(balance(user)).isEqualTo(1000);
        given().header("Authorization", TestTokens.bearer(user, "user")).when().get("/api/v1/billing/recharges/" + paidOrder)
                .then().body("data.status", is("paid"));

        clock.advance(Duration.ofHours(25));
        jobs.expireOrders();
        given().header("Authorization", TestTokens.bearer(user, "user")).when().get("/api/v1/billing/recharges/" + openOrder)
                .then().body("data.status", is("expired"));
        assertThat(balance(user)).isEqualTo(1000);
    }
}
