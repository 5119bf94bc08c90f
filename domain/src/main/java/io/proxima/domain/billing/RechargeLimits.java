package io.proxima.domain.billing;

import io.proxima.domain.shared.ValidationException;

/** The smallest and largest single recharge an operator accepts, in the billing currency. */
public record RechargeLimits(Money min, Money max) {

    public RechargeLimits {
        if (!min.isPositive() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("0 < min <= max");
        }
    }

    /** Refuses zero, negative and out-of-range amounts with a 422 naming {@code amount}. */
    public void check(Money amount) {
        if (!amount.isPositive()) {
            throw ValidationException.of("amount", "validation.money.positive", "must be greater than 0");
        }
        if (amount.compareTo(min) < 0) {
            throw ValidationException.of("amount", "validation.money.min", "must be at least " + min.toPlainString(),
                    min.toPlainString());
        }
        if (amount.compareTo(max) > 0) {
            throw ValidationException.of("amount", "validation.money.max", "must be at most " + max.toPlainString(),
                    max.toPlainString());
        }
    }
}
