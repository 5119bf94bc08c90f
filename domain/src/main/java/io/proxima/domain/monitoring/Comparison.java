package io.proxima.domain.monitoring;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

/** How a value is compared with a rule's threshold. */
public enum Comparison {
    GT(">"), GTE(">="), LT("<"), LTE("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean holds(double value, double threshold) {
        return switch (this) {
            case GT -> value > threshold;
            case GTE -> value >= threshold;
            case LT -> value < threshold;
            case LTE -> value <= threshold;
        };
    }

    /** Accepts {@code gt}, {@code >} and friends. */
    public static Comparison parse(String raw) {
        if (raw != null) {
            String v = raw.trim().toLowerCase(Locale.ROOT);
            for (Comparison c : values()) {
                if (c.wireName().equals(v) || c.symbol.equals(v)) {
                    return c;
                }
            }
        }
        throw ValidationException.of("comparison", "validation.alert.comparison", "must be one of gt, gte, lt, lte");
    }
}
