package io.proxima.bootstrap.billing;

import io.proxima.application.billing.port.out.BillingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Billing's configuration keys (application.properties, "Billing and payments" block). */
@ApplicationScoped
public class BillingConfigProperties implements BillingConfig {

    @ConfigProperty(name = "proxima.billing.recharge.min", defaultValue = "1.00")
    String rechargeMin;

    @ConfigProperty(name = "proxima.billing.recharge.max", defaultValue = "10000.00")
    String rechargeMax;

    @ConfigProperty(name = "proxima.billing.recharge.lifetime", defaultValue = "PT24H")
    Duration lifetime;

    @ConfigProperty(name = "proxima.billing.janitor.after", defaultValue = "PT15M")
    Duration janitorAfter;

    @ConfigProperty(name = "proxima.billing.low-balance-hours", defaultValue = "24")
    int lowBalanceHours;

    @Override
    public String rechargeMin() {
        return rechargeMin;
    }

    @Override
    public String rechargeMax() {
        return rechargeMax;
    }

    @Override
    public Duration orderLifetime() {
        return lifetime;
    }

    @Override
    public Duration janitorAfter() {
        return janitorAfter;
    }

    @Override
    public int lowBalanceHours() {
        return lowBalanceHours;
    }
}
