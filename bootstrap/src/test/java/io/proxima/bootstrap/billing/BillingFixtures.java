package io.proxima.bootstrap.billing;

import io.proxima.application.billing.port.in.BalanceUseCase;
import io.proxima.application.billing.port.in.MeteringUseCase;
import io.proxima.domain.billing.HourlyPricing;
import io.proxima.domain.billing.Money;
import java.time.Instant;
import java.util.UUID;

/** Small helpers shared by the billing tests. */
final class BillingFixtures {

    static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-00000000ad01");

    private BillingFixtures() {
    }

    static HourlyPricing usd(long hourlyCents, long monthlyCents) {
        return new HourlyPricing(Money.of(hourlyCents, "USD"), Money.of(monthlyCents, "USD"));
    }

    static void give(BalanceUseCase balances, UUID user, String amount) {
        balances.adjust(new BalanceUseCase.AdjustBalance(user, amount, "USD", "test funds", ADMIN, null));
    }

    static UUID startVm(MeteringUseCase metering, UUID user, HourlyPricing pricing, Instant at) {
        UUID vm = UUID.randomUUID();
        metering.start(new MeteringUseCase.StartMetering(vm, user, UUID.randomUUID(), pricing, at));
        return vm;
    }
}
