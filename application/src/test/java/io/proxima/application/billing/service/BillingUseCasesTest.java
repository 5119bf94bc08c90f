package io.proxima.application.billing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.application.billing.port.in.MeteringUseCase.StartMetering;
import io.proxima.application.billing.port.in.RechargeUseCase.CreateRecharge;
import io.proxima.application.billing.port.in.RechargeUseCase.WebhookOutcome;
import io.proxima.application.billing.port.in.RefundUseCase.RefundRequest;
import io.proxima.application.billing.port.out.InvalidWebhookException;
import io.proxima.application.billing.port.out.PaymentGateway;
import io.proxima.application.billing.port.out.PaymentGatewayException;
import io.proxima.domain.billing.HourlyPricing;
import io.proxima.domain.billing.InsufficientBalanceException;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.RechargeStatus;
import io.proxima.domain.billing.TransactionType;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.system.Setting;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The use cases against in-memory out-ports. */
class BillingUseCasesTest {

    final Fakes f = new Fakes();
    final UUID user = UUID.randomUUID();
    final HourlyPricing plan = new HourlyPricing(Money.of(20, "USD"), Money.of(5000, "USD"));

    UUID paidOrder(String amount) {
        UUID id = f.rechargeService.create(new CreateRecharge(user, amount, "USD", "fakepay", null)).value().id();
        f.gateway.nextEvent = new PaymentGateway.Event("evt_" + id, "paid", PaymentGateway.EventKind.PAYMENT_SUCCEEDED,
                "sess_" + id, id, f.orders.byId.get(id).amount(), "pi_" + id);
        assertThat(f.rechargeService.handleWebhook("fakepay", Map.of("sig", "good"), new byte[0])).isEqualTo(WebhookOutcome.CREDITED);
        return id;
    }

    @Test
    void starting_a_vm_needs_the_minimum_hours_and_charges_the_first_hour() {
        f.settings.values.put(Setting.MIN_BALANCE_HOURS, "3");
        paidOrder("1.00"); // 100 cents
        UUID vm = UUID.randomUUID();
        f.meteringService.ensureCanAfford(user, Money.of(20, "USD"));
        assertThatThrownBy(() -> f.meteringService.ensureCanAfford(user, Money.of(34, "USD")))
                .isInstanceOf(InsufficientBalanceException.class);
        f.meteringService.start(new StartMetering(vm, user, UUID.randomUUID(), plan, f.clock.now));
        f.meteringService.start(new StartMetering(vm, user, UUID.randomUUID(), plan, f.clock.now)); // idempotent
        assertThat(f.ledger.balance(user)).isEqualTo(80);
        assertThat(f.ledger.of(TransactionType.CHARGE)).hasSize(1);
    }

    @Test
    void plan_changes_post_the_proration_and_stop_charges_nothing_more() {
        paidOrder("5.00");
        UUID vm = UUID.randomUUID();
        f.meteringService.start(new StartMetering(vm, user, null, plan, f.clock.now));
        f.meteringService.changePlan(vm, UUID.randomUUID(), new HourlyPricing(Money.of(60, "USD"), Money.of(9000, "USD")),
                f.clock.now.plus(Duration.ofMinutes(30)));
        // 20 for the first hour, then half an hour at 40 cents more: 20 more.
        assertThat(f.ledger.balance(user)).isEqualTo(500 - 20 - 20);
        f.meteringService.stop(vm, f.clock.now.plus(Duration.ofMinutes(150)));
        // Hours 2 and 3 at the new price; hour 3 began before the stop at 2h30.
        assertThat(f.ledger.balance(user)).isEqualTo(500 - 40 - 120);
        f.meteringService.stop(vm, f.clock.now.plus(Duration.ofHours(10)));
        assertThat(f.ledger.balance(user)).isEqualTo(340);
        assertThat(f.ledger.sumOfEntries(user)).isEqualTo(340);
    }

    @Test
    void recharges_validate_limits_and_replay_by_idempotency_key() {
        assertThatThrownBy(() -> f.rechargeService.create(new CreateRecharge(user, "0.99", "USD", "fakepay", null)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.rechargeService.create(new CreateRecharge(user, "500.01", "USD", "fakepay", null)))
                .isInstanceOf(ValidationException.class);
        var first = f.rechargeService.create(new CreateRecharge(user, "10.00", "USD", "fakepay", "key"));
        var again = f.rechargeService.create(new CreateRecharge(user, "10.00", null, "fakepay", "key"));
        assertThat(again.replayed()).isTrue();
        assertThat(again.value().id()).isEqualTo(first.value().id());
        assertThat(f.gateway.checkouts).isEqualTo(1);
        assertThatThrownBy(() -> f.rechargeService.create(new CreateRecharge(user, "11.00", "USD", "fakepay", "key")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Idempotency-Key");
    }

    @Test
    void a_gateway_outage_fails_the_order_and_reports_unavailable() {
        f.gateway.down = true;
        assertThatThrownBy(() -> f.rechargeService.create(new CreateRecharge(user, "10.00", "USD", "fakepay", null)))
                .isInstanceOf(PaymentGatewayException.class);
        assertThat(f.orders.byId.values()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(RechargeStatus.FAILED));
    }

    @Test
    void webhooks_credit_once_refuse_forgeries_and_ignore_wrong_amounts() {
        UUID id = paidOrder("10.00");
        assertThat(f.rechargeService.handleWebhook("fakepay", Map.of("sig", "good"), new byte[0])).isEqualTo(WebhookOutcome.DUPLICATE);
        assertThatThrownBy(() -> f.rechargeService.handleWebhook("fakepay", Map.of("sig", "bad"), new byte[0]))
                .isInstanceOf(InvalidWebhookException.class);
        assertThat(f.ledger.balance(user)).isEqualTo(1000);

        UUID other = f.rechargeService.create(new CreateRecharge(user, "20.00", "USD", "fakepay", null)).value().id();
        f.gateway.nextEvent = new PaymentGateway.Event("evt_x", "paid", PaymentGateway.EventKind.PAYMENT_SUCCEEDED, null,
                other, Money.of(1, "USD"), "pi");
        assertThat(f.rechargeService.handleWebhook("fakepay", Map.of("sig", "good"), new byte[0])).isEqualTo(WebhookOutcome.IGNORED);
        assertThat(f.ledger.balance(user)).isEqualTo(1000);
        assertThat(f.orders.byId.get(id).status()).isEqualTo(RechargeStatus.PAID);
    }

    @Test
    void a_credit_that_brings_a_suspended_account_back_above_zero_requests_unsuspension() {
        paidOrder("1.00");
        var account = f.ledger.accounts.get(user);
        f.ledger.accounts.put(user, io.proxima.domain.billing.CustomerAccount.reconstitute(account.id(), user,
                account.currency(), Money.of(-50, "USD"), f.clock.now, null, 0));
        paidOrder("1.00");
        assertThat(f.enforcement.unsuspended).containsExactly(user);
        assertThat(f.control.calls).containsExactly("unsuspend " + user);
    }

    @Test
    void a_refused_gateway_refund_is_reversed_by_a_new_entry() {
        UUID order = paidOrder("10.00");
        f.gateway.refuseRefunds = true;
        assertThatThrownBy(() -> f.refundService.refund(new RefundRequest(UUID.randomUUID(), order, null, null, "4.00", "USD",
                "gateway", "asked", null))).isInstanceOf(PaymentGatewayException.class);
        assertThat(f.ledger.balance(user)).isEqualTo(1000);
        assertThat(f.ledger.of(TransactionType.REVERSAL)).hasSize(1);
        assertThat(f.orders.byId.get(order).refundable().minor()).isEqualTo(1000);
        f.gateway.refuseRefunds = false;
        assertThatThrownBy(() -> f.refundService.refund(new RefundRequest(UUID.randomUUID(), order, null, null, "10.01", "USD",
                "gateway", "asked", null))).isInstanceOf(ValidationException.class);
        var done = f.refundService.refund(new RefundRequest(UUID.randomUUID(), order, null, null, "10.00", "USD", "gateway",
                "asked", null));
        assertThat(done.value().status()).isEqualTo("succeeded");
        assertThat(f.ledger.balance(user)).isZero();
        assertThat(f.ledger.sumOfEntries(user)).isZero();
    }

    @Test
    void the_billing_run_charges_every_due_hour_and_a_rerun_nothing() {
        paidOrder("10.00");
        UUID vm = UUID.randomUUID();
        f.meteringService.start(new StartMetering(vm, user, null, plan, f.clock.now));
        f.clock.now = f.clock.now.plus(Duration.ofHours(3));
        var jobs = new BillingJobsService(f.jobSteps, f.rechargeSteps, f.dispatcher, f.support, f.clock, new io.proxima.application.shared.port.out.PeriodicJobs() {
            public boolean claim(String job, java.time.Instant period) { return true; }
            public int purgeClaimedBefore(java.time.Instant cutoff) { return 0; }
        });
        assertThat(jobs.chargeDueHours().hoursCharged()).isEqualTo(3);
        assertThat(jobs.chargeDueHours().hoursCharged()).isZero();
        assertThat(f.ledger.balance(user)).isEqualTo(1000 - 4 * 20);
    }
}
