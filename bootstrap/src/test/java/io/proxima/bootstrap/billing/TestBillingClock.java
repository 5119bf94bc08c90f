package io.proxima.bootstrap.billing;

import io.proxima.application.billing.port.out.BillingClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** A clock the tests set and advance; replaces the system clock (a default bean) in every test. */
@ApplicationScoped
public class TestBillingClock implements BillingClock {

    private volatile Instant fixed;

    @Override
    public Instant now() {
        Instant f = fixed;
        return f == null ? Instant.now() : f;
    }

    public void set(Instant at) {
        fixed = at;
    }

    public Instant advance(Duration d) {
        fixed = now().plus(d);
        return fixed;
    }
}
