package io.proxima.bootstrap.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.proxima.application.billing.port.in.BalanceUseCase;
import io.proxima.application.billing.port.in.BillingJobsUseCase;
import io.proxima.application.billing.port.in.MeteringUseCase;
import io.proxima.application.billing.port.in.RechargeUseCase;
import io.proxima.application.billing.port.in.RefundUseCase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Billing over HTTP: validation, ownership, roles, idempotency, refunds, adjustments, listings, statements. */
@QuarkusTest
@QuarkusTestResource(StripeMock.class)
@QuarkusTestResource(TestTokens.class)
class BillingApiTest {

    @Inject
    TestBillingClock clock;

    @Inject
    RechargeUseCase recharges;

    @Inject
    RefundUseCase refunds;

    @Inject
    BalanceUseCase balances;

    @Inject
    MeteringUseCase metering;

    @Inject
    BillingJobsUseCase jobs;

    static RequestSpecification user(UUID id) {
        return given().header("Authorization", TestTokens.bearer(id, "user")).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return given().header("Authorization", TestTokens.bearer(BillingFixtures.ADMIN, "admin")).contentType(ContentType.JSON);
    }

    static String body(String amount, String currency, String gateway) {
        return "{\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"gateway\":\"" + gateway + "\"}";
    }

    UUID manualOrder(UUID owner, String amount) {
        return recharges.create(new RechargeUseCase.CreateRecharge(owner, amount, "USD", "manual", null)).value().id();
    }

    @Test
    void bad_amounts_are_422_with_the_field_named() {
        UUID u = UUID.randomUUID();
        for (String amount : List.of("\"-5.00\"", "\"0\"", "\"10.001\"", "\"1e3\"", "\"99999999999999.00\"", "\"0.50\"",
                "\"10000.01\"", "\"abc\"")) {
            user(u).body(body(amount, "USD", "manual")).when().post("/api/v1/billing/recharges")
                    .then().statusCode(422).body("code", is(42201)).body("details.field", hasItem("amount"));
        }
        user(u).body(body("\"10.00\"", "EUR", "manual")).when().post("/api/v1/billing/recharges")
                .then().statusCode(422).body("details.field", hasItem("currency"));
        user(u).body(body("\"10.00\"", "USD", "paypal")).when().post("/api/v1/billing/recharges")
                .then().statusCode(422).body("details.field", hasItem("gateway"));
        // Every bad field at once, and in Chinese when asked.
        user(u).header("Accept-Language", "zh-CN").body(body("\"-1\"", "EUR", "nope")).when().post("/api/v1/billing/recharges")
                .then().statusCode(422).body("details", hasSize(3)).body("message", is("参数校验失败"));
        // Money is a decimal string (SPEC section 4): a JSON number is refused, never coerced.
        user(u).body(body("12.5", "USD", "manual")).when().post("/api/v1/billing/recharges")
                .then().statusCode(422).body("details[0].field", is("amount"));
        user(u).body(body("\"12.50\"", "USD", "manual")).when().post("/api/v1/billing/recharges")
                .then().statusCode(201).body("data.amount", is("12.50"));
    }

    @Test
    void idempotency_key_returns_the_first_order_and_refuses_a_different_body() {
        UUID u = UUID.randomUUID();
        String first = user(u).header("Idempotency-Key", "k-1").body(body("\"20.00\"", "USD", "manual"))
                .when().post("/api/v1/account/balance/recharge").then().statusCode(201).extract().path("data.id");
        user(u).header("Idempotency-Key", "k-1").body(body("\"20.00\"", "USD", "manual"))
                .when().post("/api/v1/billing/recharges").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.id", is(first));
        user(u).header("Idempotency-Key", "k-1").body(body("\"21.00\"", "USD", "manual"))
                .when().post("/api/v1/billing/recharges").then().statusCode(422)
                .body("details[0].field", is("Idempotency-Key"));
        // Keys belong to their caller: another user's identical key is a new order.
        String other = user(UUID.randomUUID()).header("Idempotency-Key", "k-1").body(body("\"20.00\"", "USD", "manual"))
                .when().post("/api/v1/billing/recharges").then().statusCode(201).extract().path("data.id");
        assertThat(other).isNotEqualTo(first);
        user(u).when().get("/api/v1/billing/recharges").then().statusCode(200).body("data.items", hasSize(1))
                .body("data.pagination.total_count", is(1));
    }

    @Test
    void other_users_orders_are_404_and_admin_routes_403_and_anonymous_401() {
        UUID owner = UUID.randomUUID();
        UUID order = manualOrder(owner, "10.00");
        user(owner).when().get("/api/v1/billing/recharges/" + order).then().statusCode(200).body("data.status", is("pending"));
        user(UUID.randomUUID()).when().get("/api/v1/billing/recharges/" + order).then().statusCode(404).body("code", is(40401));
        user(owner).when().get("/api/v1/billing/recharges/not-a-uuid").then().statusCode(404);
        admin().when().get("/api/v1/billing/recharges/" + order).then().statusCode(200);

        user(owner).when().post("/api/v1/admin/billing/recharges/" + order + "/confirm").then().statusCode(403).body("code", is(40301));
        user(owner).when().get("/api/v1/admin/billing/transactions").then().statusCode(403).body("code", is(40301));
        user(owner).body("{\"amount\":\"5.00\",\"reason\":\"x\"}").when().put("/api/v1/admin/users/" + owner + "/balance")
                .then().statusCode(403);
        user(owner).body("{}").when().post("/api/v1/admin/billing/refunds").then().statusCode(403);
        user(owner).when().get("/api/v1/admin/billing/ledger/check").then().statusCode(403);
        given().when().get("/api/v1/billing/balance").then().statusCode(401).body("code", is(40101));

        // The administrator confirms the transfer; confirming again credits nothing more.
        admin().when().post("/api/v1/admin/billing/recharges/" + order + "/confirm").then().statusCode(200)
                .body("data.status", is("paid")).body("data.paid_at", notNullValue());
        admin().when().post("/api/v1/admin/billing/recharges/" + order + "/confirm").then().statusCode(200);
        user(owner).when().get("/api/v1/billing/balance").then().body("data.balance", is("10.00")).body("data.currency", is("USD"));
    }

    @Test
    void admin_adjustments_are_signed_reasoned_ledger_entries() {
        UUID u = UUID.randomUUID();
        admin().body("{\"amount\":\"15.00\",\"currency\":\"USD\",\"reason\":\"goodwill\"}")
                .when().put("/api/v1/admin/users/" + u + "/balance").then().statusCode(201)
                .body("data.type", is("adjustment")).body("data.amount", is("15.00")).body("data.balance_after", is("15.00"))
                .body("data.reason", is("goodwill")).body("data.actor_id", is(BillingFixtures.ADMIN.toString()));
        admin().header("Idempotency-Key", "adj-1").body("{\"amount\":\"-2.50\",\"reason\":\"correction\"}")
                .when().post("/api/v1/users/" + u + "/balance-adjustments").then().statusCode(201)
                .body("data.balance_after", is("12.50"));
        admin().header("Idempotency-Key", "adj-1").body("{\"amount\":\"-2.50\",\"reason\":\"correction\"}")
                .when().post("/api/v1/users/" + u + "/balance-adjustments").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.balance_after", is("12.50"));
        admin().body("{\"amount\":\"5.00\"}").when().post("/api/v1/users/" + u + "/balance-adjustments")
                .then().statusCode(422).body("details.field", hasItem("reason"));
        admin().body("{\"amount\":\"0\",\"reason\":\"x\"}").when().post("/api/v1/users/" + u + "/balance-adjustments")
                .then().statusCode(422).body("details.field", hasItem("amount"));
        admin().body("{\"amount\":\"99999999999.00\",\"reason\":\"x\"}").when().post("/api/v1/users/" + u + "/balance-adjustments")
                .then().statusCode(422).body("details.field", hasItem("amount"));
        admin().when().get("/api/v1/admin/billing/users/" + u + "/balance").then().body("data.balance", is("12.50"));
        admin().when().get("/api/v1/admin/billing/transactions?type=adjustment&user_id=" + u).then().statusCode(200)
                .body("data.items", hasSize(2)).body("data.items.type", everyItem(is("adjustment")));
        admin().when().get("/api/v1/admin/billing/transactions?type=bogus").then().statusCode(422);
        admin().when().get("/api/v1/admin/billing/ledger/check").then().statusCode(200)
                .body("data.consistent", is(true)).body("data.sum_of_all_legs", is(0));
    }

    @Test
    void transactions_list_with_running_balance_filters_and_pagination() {
        UUID u = UUID.randomUUID();
        Instant t0 = Instant.parse("2033-07-01T00:00:00Z");
        clock.set(t0);
        BillingFixtures.give(balances, u, "5.00");
        UUID vm = BillingFixtures.startVm(metering, u, BillingFixtures.usd(10, 10_000), t0);
        try {
            clock.advance(Duration.ofHours(4));
            jobs.chargeDueHours();
            user(u).when().get("/api/v1/billing/transactions?per_page=2").then().statusCode(200)
                    .body("data.items", hasSize(2))
                    .body("data.items[0].balance_after", is("4.50"))
                    .body("data.items[1].balance_after", is("4.60"))
                    .body("data.pagination.total_count", is(6))
                    .body("data.pagination.total_pages", is(3))
                    .body("data.pagination.has_next", is(true));
            user(u).when().get("/api/v1/billing/transactions?type=charge&vm_id=" + vm + "&page=3&per_page=2").then()
                    .body("data.items", hasSize(1)).body("data.items[0].balance_after", is("4.90"));
            // Dates filter by booking time: the four hours charged by the run at 04:00.
            user(u).when().get("/api/v1/billing/transactions?from=2033-07-01T00:30:00Z&to=2033-07-02").then()
                    .body("data.items", hasSize(4));
            user(u).when().get("/api/v1/billing/transactions?from=yesterday").then().statusCode(422)
                    .body("details[0].field", is("from"));
            user(UUID.randomUUID()).when().get("/api/v1/billing/transactions").then().body("data.items", hasSize(0));
        } finally {
            metering.stop(vm, clock.now());
        }
    }

    @Test
    void refunds_are_bounded_reasoned_and_safe_under_concurrency() throws Exception {
        UUID u = UUID.randomUUID();
        UUID order = manualOrder(u, "100.00");
        admin().when().post("/api/v1/admin/billing/recharges/" + order + "/confirm").then().statusCode(200);

        admin().body("{\"order_id\":\"" + order + "\",\"amount\":\"10.00\",\"destination\":\"gateway\"}")
                .when().post("/api/v1/admin/billing/refunds").then().statusCode(422).body("details.field", hasItem("reason"));
        admin().body("{\"order_id\":\"" + order + "\",\"amount\":\"100.01\",\"destination\":\"gateway\",\"reason\":\"r\"}")
                .when().post("/api/v1/admin/billing/refunds").then().statusCode(422).body("details.field", hasItem("amount"));
        admin().body("{\"order_id\":\"" + order + "\",\"user_id\":\"" + u + "\",\"amount\":\"1.00\",\"destination\":\"balance\",\"reason\":\"r\"}")
                .when().post("/api/v1/admin/billing/refunds").then().statusCode(422).body("details.field", hasItem("order_id"));

        // Four refunds of 30.00 race for one 100.00 order: at most three can succeed.
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(() -> {
                try {
                    refunds.refund(new RefundUseCase.RefundRequest(BillingFixtures.ADMIN, order, null, null, "30.00", "USD",
                            "gateway", "customer asked", null));
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            });
        }
        @SuppressWarnings("unchecked")
        List<Boolean> outcomes = BillingRunExactlyOnceTest.runTogether(racers.toArray(new Callable[0]));
        assertThat(outcomes.stream().filter(b -> b).count()).isEqualTo(3);
        user(u).when().get("/api/v1/billing/recharges/" + order).then()
                .body("data.status", is("refunded")).body("data.refunded_amount", is("90.00"));
        user(u).when().get("/api/v1/billing/balance").then().body("data.balance", is("10.00"));
        admin().body("{\"order_id\":\"" + order + "\",\"amount\":\"10.01\",\"destination\":\"gateway\",\"reason\":\"r\"}")
                .when().post("/api/v1/admin/billing/refunds").then().statusCode(422);
        admin().body("{\"order_id\":\"" + order + "\",\"amount\":\"10.00\",\"destination\":\"gateway\",\"reason\":\"last\"}")
                .when().post("/api/v1/admin/billing/refunds").then().statusCode(201)
                .body("data.status", is("succeeded")).body("data.destination", is("gateway"));
        user(u).when().get("/api/v1/billing/transactions?type=refund").then().body("data.items", hasSize(4))
                .body("data.items[0].balance_after", is("0.00")).body("data.items[0].reason", is("last"));

        // Charges refunded to the balance: never more than was charged.
        UUID v = UUID.randomUUID();
        BillingFixtures.give(balances, v, "1.00");
        UUID vm = BillingFixtures.startVm(metering, v, BillingFixtures.usd(40, 10_000), clock.now());
        try {
            admin().body("{\"user_id\":\"" + v + "\",\"vm_id\":\"" + vm + "\",\"amount\":\"0.41\",\"destination\":\"balance\",\"reason\":\"outage\"}")
                    .when().post("/api/v1/admin/billing/refunds").then().statusCode(422);
            admin().body("{\"user_id\":\"" + v + "\",\"vm_id\":\"" + vm + "\",\"amount\":\"0.40\",\"destination\":\"balance\",\"reason\":\"outage\"}")
                    .when().post("/api/v1/admin/billing/refunds").then().statusCode(201).body("data.status", is("succeeded"));
            assertThat(balances.balance(v).balance().minor()).isEqualTo(100);
        } finally {
            metering.stop(vm, clock.now());
        }
        assertThat(balances.checkLedger().consistent()).isTrue();
    }

    @Test
    void monthly_statements_have_a_line_per_vm_and_add_up() {
        UUID u = UUID.randomUUID();
        Instant t0 = Instant.parse("2034-03-31T21:00:00Z");
        clock.set(t0);
        BillingFixtures.give(balances, u, "20.00");
        UUID a = BillingFixtures.startVm(metering, u, BillingFixtures.usd(100, 100_000), t0);
        UUID b = BillingFixtures.startVm(metering, u, BillingFixtures.usd(50, 100_000), t0.plus(Duration.ofHours(1)));
        try {
            clock.set(Instant.parse("2034-03-31T23:30:00Z"));
            jobs.chargeDueHours();
            clock.set(Instant.parse("2034-04-01T00:10:00Z"));
            jobs.chargeDueHours();
            assertThat(jobs.generateInvoices()).isGreaterThanOrEqualTo(1);
            assertThat(jobs.generateInvoices()).isZero(); // once per account and month
            String id = user(u).when().get("/api/v1/billing/invoices").then().statusCode(200)
                    .body("data.items", hasSize(1))
                    .body("data.items[0].period_start", is("2034-03-01T00:00:00Z"))
                    .extract().path("data.items[0].id");
            // March: a charged 21:00, 22:00, 23:00 (3.00); b 22:00, 23:00 (1.00); the 00:00 hours belong to April.
            user(u).when().get("/api/v1/billing/invoices/" + id).then().statusCode(200)
                    .body("data.opening_balance", is("0.00"))
                    .body("data.adjustments", is("20.00"))
                    .body("data.charges", is("-4.00"))
                    .body("data.total_charged", is("4.00"))
                    .body("data.closing_balance", is("16.00"))
                    .body("data.lines", hasSize(2))
                    .body("data.lines.find { it.vm_id == '" + a + "' }.hours", is(3))
                    .body("data.lines.find { it.vm_id == '" + a + "' }.amount", is("3.00"))
                    .body("data.lines.find { it.vm_id == '" + b + "' }.hours", is(2))
                    // each line says which hours it covers
                    .body("data.lines.find { it.vm_id == '" + a + "' }.period_start", is("2034-03-31T21:00:00Z"))
                    .body("data.lines.find { it.vm_id == '" + a + "' }.period_end", is("2034-04-01T00:00:00Z"))
                    .body("data.lines.find { it.vm_id == '" + b + "' }.period_start", is("2034-03-31T22:00:00Z"));
            user(UUID.randomUUID()).when().get("/api/v1/billing/invoices/" + id).then().statusCode(404);
            // The printable statement, in the account's language.
            String html = user(u).when().get("/api/v1/billing/invoices/" + id + "/html").then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith("text/html")).extract().asString();
            assertThat(html).contains("Monthly statement", "2034-03-01", "3.00", "2034-03-31 21:00 UTC", "16.00");
            user(u).contentType("application/json").body("{\"language\":\"zh\"}").when().put("/api/v1/account/profile")
                    .then().statusCode(200);
            assertThat(user(u).when().get("/api/v1/billing/invoices/" + id + "/html").then().statusCode(200).extract().asString())
                    .contains("月度账单", "期末余额");
            user(UUID.randomUUID()).when().get("/api/v1/billing/invoices/" + id + "/html").then().statusCode(404);
        } finally {
            metering.stop(a, clock.now());
            metering.stop(b, clock.now());
        }
    }
}
