package io.proxima.bootstrap.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

import io.proxima.bootstrap.contract.ValidatesOpenApi;
import io.proxima.application.billing.port.in.BalanceUseCase;
import io.proxima.application.billing.port.in.BillingJobsUseCase;
import io.proxima.application.billing.port.in.MeteringUseCase;
import io.proxima.application.billing.port.in.RechargeUseCase;
import io.proxima.domain.billing.InsufficientBalanceException;
import io.proxima.domain.billing.Money;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole money cycle: recharge via the manual gateway, a VM starts (through the use case the
 * VM context will call), the first hour is charged, time passes, charges accrue, the balance hits
 * zero, the VM is suspended through the ServiceControl port, a recharge brings it back.
 */
@QuarkusTest
@ValidatesOpenApi
@QuarkusTestResource(StripeMock.class)
@QuarkusTestResource(TestTokens.class)
class BillingEndToEndTest {

    static final String USER = "5f0e7a1c-0000-4000-8000-0000000000e1";
    static final UUID USER_ID = UUID.fromString(USER);

    @Inject
    TestBillingClock clock;

    @Inject
    MeteringUseCase metering;

    @Inject
    BillingJobsUseCase jobs;

    @Inject
    RechargeUseCase recharges;

    @Inject
    BalanceUseCase balances;

    @Inject
    RecordingServiceControl control;

    String recharge(String amount, String key) {
        return given().header("Authorization", TestTokens.bearer(USER_ID, "user")).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"amount\":\"" + amount + "\",\"currency\":\"USD\",\"gateway\":\"manual\"}")
                .when().post("/api/v1/billing/recharges")
                .then().statusCode(201)
                .body("data.status", is("pending"))
                .body("data.amount", is(amount))
                .body("data.currency", is("USD"))
                .extract().path("data.id");
    }

    static io.restassured.specification.RequestSpecification as() {
        return given().header("Authorization", TestTokens.bearer(USER_ID, "user"));
    }

    String balance() {
        return as().when().get("/api/v1/billing/balance").then().statusCode(200).extract().path("data.balance");
    }

    @Test
    void recharge_charge_suspend_recharge_unsuspend() {
        Instant t0 = Instant.parse("2031-01-10T10:00:00Z");
        clock.set(t0);

        String order = recharge("1.00", "e2e-1");
        assertThat(balance()).isEqualTo("0.00");
        recharges.confirmManual(UUID.fromString(order), BillingFixtures.ADMIN);
        as().when().get("/api/v1/billing/recharges/" + order).then().statusCode(200)
                .body("data.status", is("paid"));
        assertThat(balance()).isEqualTo("1.00");

        // VM creation: 25 cents an hour; the first hour is charged at once.
        metering.ensureCanAfford(USER_ID, Money.of(25, "USD"));
        UUID vm = BillingFixtures.startVm(metering, USER_ID, BillingFixtures.usd(25, 10_000), t0);
        assertThat(balance()).isEqualTo("0.75");
        as().when().get("/api/v1/billing/transactions").then().statusCode(200)
                .body("data.items[0].type", is("charge"))
                .body("data.items[0].amount", is("-0.25"))
                .body("data.items[0].balance_after", is("0.75"))
                .body("data.items[0].vm_id", is(vm.toString()))
                .body("data.items[1].type", is("recharge"))
                .body("data.items[1].balance_after", is("1.00"));
        as().when().get("/api/v1/billing/balance").then()
                .body("data.burn_rate_per_hour", is("0.25"))
                .body("data.estimated_hours_left", is(3));

        // Two hours later, two more hours are charged, once each however often the run goes.
        clock.advance(Duration.ofHours(2));
        jobs.chargeDueHours();
        jobs.chargeDueHours();
        assertThat(balance()).isEqualTo("0.25");
        jobs.enforce();
        assertThat(control.actionsFor(USER_ID)).isEmpty();

        // The last paid hour: the balance hits zero and the VM is suspended.
        clock.advance(Duration.ofHours(1));
        jobs.chargeDueHours();
        assertThat(balance()).isEqualTo("0.00");
        jobs.enforce();
        assertThat(control.actionsFor(USER_ID)).containsExactly("suspend");
        as().when().get("/api/v1/billing/balance").then().body("data.suspended", is(true));

        // Suspended VMs cost nothing.
        clock.advance(Duration.ofHours(5));
        jobs.chargeDueHours();
        assertThat(balance()).isEqualTo("0.00");

        // A new VM is refused while the balance cannot pay its first hour.
        assertThatThrownBy(() -> metering.ensureCanAfford(USER_ID, Money.of(25, "USD")))
                .isInstanceOf(InsufficientBalanceException.class);

        // The recharge brings the balance positive: the VM is unsuspended and billed again.
        String second = recharge("2.00", "e2e-2");
        recharges.confirmManual(UUID.fromString(second), BillingFixtures.ADMIN);
        assertThat(control.actionsFor(USER_ID)).containsExactly("suspend", "unsuspend");
        as().when().get("/api/v1/billing/balance").then().body("data.suspended", is(false));
        jobs.chargeDueHours();
        assertThat(balance()).isEqualTo("1.75");

        // Deleting the VM 10 minutes into an hour charges nothing more.
        clock.advance(Duration.ofMinutes(70));
        metering.stop(vm, clock.now());
        assertThat(balance()).isEqualTo("1.50");
        clock.advance(Duration.ofHours(3));
        jobs.chargeDueHours();
        assertThat(balance()).isEqualTo("1.50");
        assertThat(balances.checkLedger().consistent()).isTrue();
    }

    @Test
    void vm_creation_is_refused_with_402_when_the_first_hour_is_not_covered() {
        UUID poor = UUID.randomUUID();
        assertThatThrownBy(() -> BillingFixtures.startVm(metering, poor, BillingFixtures.usd(10, 1000), clock.now()))
                .isInstanceOf(InsufficientBalanceException.class);
        BillingFixtures.give(balances, poor, "0.10");
        UUID vm = BillingFixtures.startVm(metering, poor, BillingFixtures.usd(10, 1000), clock.now());
        assertThat(balances.balance(poor).balance().isZero()).isTrue();
        metering.stop(vm, clock.now());
    }

    @Test
    void after_the_grace_period_an_overdrawn_account_is_terminated_and_told() {
        clock.set(Instant.parse("2031-06-01T00:00:00Z"));
        UUID late = UUID.randomUUID();
        BillingFixtures.give(balances, late, "0.10");
        UUID vm = BillingFixtures.startVm(metering, late, BillingFixtures.usd(10, 1000), clock.now());
        jobs.enforce();
        assertThat(control.actionsFor(late)).containsExactly("suspend");

        clock.advance(Duration.ofDays(6));
        jobs.chargeDueHours();
        jobs.enforce();
        assertThat(control.actionsFor(late)).containsExactly("suspend"); // still within the 7 days
        assertThat(balances.balance(late).balance().isZero()).isTrue(); // nothing charged while suspended

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        jobs.enforce();
        jobs.enforce();
        assertThat(control.actionsFor(late)).containsExactly("suspend", "terminate");
        // Terminated resources are never charged again, and a later top-up restores nothing.
        BillingFixtures.give(balances, late, "5.00");
        clock.advance(Duration.ofHours(5));
        jobs.chargeDueHours();
        jobs.enforce();
        assertThat(balances.balance(late).balance().minor()).isEqualTo(500);
        assertThat(control.actionsFor(late)).containsExactly("suspend", "terminate");
        metering.stop(vm, clock.now());
    }
}
