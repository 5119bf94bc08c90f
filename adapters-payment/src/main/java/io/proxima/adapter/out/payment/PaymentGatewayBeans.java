package io.proxima.adapter.out.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the configured gateways; billing finds them as {@code PaymentGateway} beans. */
@ApplicationScoped
public class PaymentGatewayBeans {

    @Produces
    @Singleton
    StripeGateway stripe(@ConfigProperty(name = "proxima.payment.stripe.enabled", defaultValue = "false") boolean enabled,
                         @ConfigProperty(name = "proxima.payment.stripe.api-base", defaultValue = "https://api.stripe.com") String apiBase,
                         @ConfigProperty(name = "proxima.payment.stripe.secret-key") Optional<String> secretKey,
                         @ConfigProperty(name = "proxima.payment.stripe.webhook-secret") Optional<String> webhookSecret,
                         @ConfigProperty(name = "proxima.payment.stripe.webhook-tolerance", defaultValue = "PT5M") Duration tolerance,
                         @ConfigProperty(name = "proxima.payment.stripe.success-url", defaultValue = "http://localhost:8080/billing/recharged") String successUrl,
                         @ConfigProperty(name = "proxima.payment.stripe.cancel-url", defaultValue = "http://localhost:8080/billing/cancelled") String cancelUrl,
                         @ConfigProperty(name = "proxima.payment.stripe.timeout", defaultValue = "PT10S") Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        return new StripeGateway(new StripeSettings(enabled, apiBase, secretKey.orElse(null), webhookSecret.orElse(null),
                tolerance, successUrl, cancelUrl, timeout), http, Instant::now);
    }

    @Produces
    @Singleton
    ManualGateway manual(@ConfigProperty(name = "proxima.payment.manual.enabled", defaultValue = "true") boolean enabled,
                         @ConfigProperty(name = "proxima.payment.manual.instructions-url") Optional<String> instructionsUrl) {
        return new ManualGateway(enabled, instructionsUrl.orElse(null));
    }
}
