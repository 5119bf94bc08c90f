package io.proxima.bootstrap.billing;

import io.proxima.application.billing.port.out.BillingClock;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Real time; tests provide their own {@link BillingClock} to move time forward. */
@ApplicationScoped
@DefaultBean
public class SystemBillingClock implements BillingClock {

    @Override
    public Instant now() {
        return Instant.now();
    }
}
