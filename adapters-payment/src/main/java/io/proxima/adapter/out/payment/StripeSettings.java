package io.proxima.adapter.out.payment;

import java.time.Duration;

/** How Proxima talks to Stripe; secrets come from the environment, never from the repository. */
public record StripeSettings(boolean enabled, String apiBase, String secretKey, String webhookSecret,
                             Duration webhookTolerance, String successUrl, String cancelUrl, Duration timeout) {

    public boolean configured() {
        return enabled && secretKey != null && !secretKey.isBlank();
    }
}
