package io.proxima.application.billing.service;

import io.proxima.application.billing.port.out.BillingConfig;
import io.proxima.application.billing.port.out.LedgerRepository;
import io.proxima.application.billing.port.out.PaymentGateway;
import io.proxima.application.system.port.in.SystemSettingsUseCase;
import io.proxima.domain.billing.CustomerAccount;
import io.proxima.domain.billing.Money;
import io.proxima.domain.billing.RechargeLimits;
import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.system.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Shared lookups of the billing services: currencies, limits, gateways, request hashes. */
@ApplicationScoped
public class BillingSupport {

    static final int MAX_KEY_LENGTH = 255;

    private final LedgerRepository ledger;
    private final SystemSettingsUseCase settings;
    private final BillingConfig config;
    private final Iterable<PaymentGateway> gateways;

    @Inject
    public BillingSupport(LedgerRepository ledger, SystemSettingsUseCase settings, BillingConfig config,
                          @Any Instance<PaymentGateway> gateways) {
        this.ledger = ledger;
        this.settings = settings;
        this.config = config;
        this.gateways = gateways;
    }

    /** For tests and manual wiring: a fixed list of gateways. */
    public BillingSupport(LedgerRepository ledger, SystemSettingsUseCase settings, BillingConfig config,
                          List<PaymentGateway> gateways) {
        this.ledger = ledger;
        this.settings = settings;
        this.config = config;
        this.gateways = gateways;
    }

    /** The currency of the owner's account; for a new customer the configured billing currency. */
    public Currency currencyOf(UUID ownerId) {
        return ledger.findAccount(ownerId).map(CustomerAccount::currency).orElseGet(this::defaultCurrency);
    }

    public Currency defaultCurrency() {
        return Currency.getInstance(settings.text(Setting.CURRENCY));
    }

    public int minBalanceHours() {
        return Math.max(1, settings.number(Setting.MIN_BALANCE_HOURS));
    }

    public int gracePeriodDays() {
        return settings.number(Setting.BILLING_GRACE_PERIOD_DAYS);
    }

    public RechargeLimits limits(Currency currency) {
        return new RechargeLimits(Money.parse(config.rechargeMin(), currency, "recharge_min"),
                Money.parse(config.rechargeMax(), currency, "recharge_max"));
    }

    public BillingConfig config() {
        return config;
    }

    /** A client's currency field: optional, and when given it must be the account's. */
    public void checkCurrency(String requested, Currency expected, List<io.proxima.domain.shared.FieldError> errors) {
        if (requested != null && !requested.isBlank()
                && !requested.trim().toUpperCase(Locale.ROOT).equals(expected.getCurrencyCode())) {
            errors.add(io.proxima.domain.shared.FieldError.of("currency", "validation.currency.mismatch",
                    "must be " + expected.getCurrencyCode(), expected.getCurrencyCode()));
        }
    }

    /** Parses an amount, collecting the failure instead of throwing so every bad field is reported at once. */
    public Money parseAmount(String raw, Currency currency, List<io.proxima.domain.shared.FieldError> errors) {
        try {
            return Money.parse(raw, currency, "amount");
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
            return null;
        }
    }

    public Optional<PaymentGateway> gateway(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (PaymentGateway g : gateways) {
            if (g.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** The gateway of a URL path: unknown names are a 404, like any unknown resource. */
    public PaymentGateway gatewayOrNotFound(String name) {
        return gateway(name).orElseThrow(() -> new NotFoundException("gateway", name));
    }

    public List<String> gatewayNames() {
        List<String> names = new ArrayList<>();
        gateways.forEach(g -> names.add(g.name()));
        return names;
    }

    public static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw ValidationException.of("Idempotency-Key", "validation.idempotency_key.length",
                    "must be 1 to " + MAX_KEY_LENGTH + " characters", MAX_KEY_LENGTH);
        }
    }

    public static ValidationException keyReused() {
        return ValidationException.of("Idempotency-Key", "validation.idempotency_key.reused",
                "was already used with a different request");
    }

    public static String hash(Object... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Object p : parts) {
                md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String requireReason(String reason, List<io.proxima.domain.shared.FieldError> errors) {
        if (reason == null || reason.isBlank()) {
            errors.add(io.proxima.domain.shared.FieldError.of("reason", "validation.required", "is required"));
            return null;
        }
        if (reason.length() > 500) {
            errors.add(io.proxima.domain.shared.FieldError.of("reason", "validation.length.max",
                    "must be at most 500 characters", 500));
            return null;
        }
        return reason.trim();
    }
}
