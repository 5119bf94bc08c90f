package io.proxima.domain.system;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

/**
 * The typed system settings an administrator can change at run time (SPEC: admin system
 * config). Each has a type and a default, so an empty settings table is a valid configuration.
 */
public enum Setting {
    REGISTRATION_OPEN(Type.BOOLEAN, "true"),
    VERIFICATION_REQUIRED(Type.BOOLEAN, "true"),
    CURRENCY(Type.CURRENCY, "USD"),
    BILLING_GRACE_PERIOD_DAYS(Type.INTEGER, "7"),
    MIN_BALANCE_HOURS(Type.INTEGER, "1"),
    /** The business's time zone: reports count calendar days in it unless a request names another. */
    TIME_ZONE(Type.TIME_ZONE, "UTC");

    public enum Type { BOOLEAN, INTEGER, CURRENCY, TIME_ZONE }

    private final Type type;
    private final String defaultValue;

    Setting(Type type, String defaultValue) {
        this.type = type;
        this.defaultValue = defaultValue;
    }

    public Type type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The key as stored and as sent by clients, e.g. {@code verification_required}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Checks and normalises a raw value for this setting; rejects values of the wrong type. */
    public String normalise(String raw) {
        String v = raw == null ? "" : raw.trim();
        switch (type) {
            case BOOLEAN -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw ValidationException.of(key(), "validation.boolean", "must be true or false");
                }
                return v.toLowerCase(Locale.ROOT);
            }
            case INTEGER -> {
                try {
                    int n = Integer.parseInt(v);
                    if (n < 0) {
                        throw ValidationException.of(key(), "validation.non_negative", "must be 0 or greater");
                    }
                    return Integer.toString(n);
                } catch (NumberFormatException e) {
                    throw ValidationException.of(key(), "validation.integer", "must be an integer");
                }
            }
            case CURRENCY -> {
                try {
                    return java.util.Currency.getInstance(v.toUpperCase(Locale.ROOT)).getCurrencyCode();
                } catch (IllegalArgumentException e) {
                    throw ValidationException.of(key(), "validation.currency", "must be an ISO 4217 currency code");
                }
            }
            case TIME_ZONE -> {
                try {
                    return java.time.ZoneId.of(v).getId();
                } catch (java.time.DateTimeException e) {
                    throw ValidationException.of(key(), "validation.time_zone", "must be an IANA time zone such as Europe/Berlin");
                }
            }
            default -> throw new IllegalStateException("unknown type " + type);
        }
    }

    public static Setting fromKey(String key) {
        for (Setting s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw ValidationException.of(key == null ? "key" : key, "validation.setting.unknown", "is not a known setting");
    }
}
