package io.proxima.domain.billing;

import java.util.Objects;

/**
 * What a metered resource costs: a price per started hour and a cap per calendar month (UTC),
 * both in the same currency. A plan's prices are given in the currency's minor units already,
 * so no rounding happens here.
 */
public record HourlyPricing(Money hourly, Money monthlyCap) {

    public HourlyPricing {
        Objects.requireNonNull(hourly, "hourly");
        Objects.requireNonNull(monthlyCap, "monthlyCap");
        if (!hourly.sameCurrencyAs(monthlyCap)) {
            throw new IllegalArgumentException("hourly and monthly prices must share a currency");
        }
        if (hourly.isNegative() || monthlyCap.isNegative()) {
            throw new IllegalArgumentException("prices cannot be negative");
        }
    }

    public java.util.Currency currency() {
        return hourly.currency();
    }
}
