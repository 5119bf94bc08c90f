package io.proxima.application.billing.port.out;

import java.time.Duration;

/** Operator configuration of billing (environment / application.properties). */
public interface BillingConfig {

    /** Smallest single recharge, a decimal in the billing currency (e.g. {@code "1.00"}). */
    String rechargeMin();

    /** Largest single recharge, a decimal in the billing currency. */
    String rechargeMax();

    /** How long a pending recharge order waits for its payment. */
    Duration orderLifetime();

    /** Age after which the janitor asks the gateway about a pending order. */
    Duration janitorAfter();

    /** Warn a customer once when the balance lasts fewer hours than this. */
    int lowBalanceHours();
}
