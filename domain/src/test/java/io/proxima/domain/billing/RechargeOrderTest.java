package io.proxima.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.shared.StateConflictException;
import io.proxima.domain.shared.ValidationException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RechargeOrderTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static RechargeOrder order(long minor) {
        return RechargeOrder.create(UUID.randomUUID(), UUID.randomUUID(), Money.of(minor, "USD"), "manual", NOW,
                NOW.plusSeconds(3600));
    }

    @Test
    void pays_once_and_duplicates_are_recognised() {
        RechargeOrder o = order(1000);
        assertThat(o.markPaid(NOW, "pi_1")).isTrue();
        assertThat(o.markPaid(NOW, "pi_1")).isFalse();
        assertThat(o.status()).isEqualTo(RechargeStatus.PAID);
    }

    @Test
    void expires_fails_and_a_late_gateway_payment_still_counts() {
        RechargeOrder o = order(1000);
        assertThat(o.isExpiredAt(NOW.plusSeconds(3600))).isTrue();
        o.expire();
        assertThat(o.markPaid(NOW.plusSeconds(4000), "pi")).isTrue();
        RechargeOrder f = order(1000);
        f.fail("card declined");
        assertThatThrownBy(() -> f.markPaid(NOW, null)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(f::expire).isInstanceOf(StateConflictException.class);
    }

    @Test
    void refunds_never_exceed_paid_minus_refunded() {
        RechargeOrder o = order(1000);
        assertThatThrownBy(() -> o.refund(Money.of(1, "USD"))).isInstanceOf(StateConflictException.class);
        o.markPaid(NOW, null);
        o.refund(Money.of(600, "USD"));
        assertThat(o.status()).isEqualTo(RechargeStatus.REFUNDED);
        assertThat(o.refundable().minor()).isEqualTo(400);
        assertThatThrownBy(() -> o.refund(Money.of(401, "USD"))).isInstanceOf(ValidationException.class);
        o.refund(Money.of(400, "USD"));
        assertThat(o.refundable().isZero()).isTrue();
        o.releaseRefund(Money.of(1000, "USD"));
        assertThat(o.status()).isEqualTo(RechargeStatus.PAID);
    }

    @Test
    void limits_refuse_zero_negative_and_out_of_range() {
        RechargeLimits limits = new RechargeLimits(Money.of(100, "USD"), Money.of(1_000_000, "USD"));
        assertThatThrownBy(() -> limits.check(Money.of(0, "USD"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> limits.check(Money.of(-5, "USD"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> limits.check(Money.of(99, "USD"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> limits.check(Money.of(1_000_001, "USD"))).isInstanceOf(ValidationException.class);
        limits.check(Money.of(100, "USD"));
    }
}
