package io.proxima.application.billing.port.out;

import java.time.Instant;

/** The current instant for every billing decision; tests replace it to move time forward. */
public interface BillingClock {

    Instant now();
}
