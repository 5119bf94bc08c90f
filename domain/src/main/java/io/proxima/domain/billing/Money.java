package io.proxima.domain.billing;

import io.proxima.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money: integer minor units (cents, fen ...) of an ISO-4217 currency.
 * Arithmetic is on {@code long} and overflow-checked; decimals appear only when parsing client
 * input, formatting for JSON and applying a rate, and {@link #ofRate} is the one place where a
 * fractional amount is rounded (HALF_UP).
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    /** How amounts are rounded whenever a rate produces a fraction of a minor unit. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            // XXX, XAU ... have no minor unit; a balance in them cannot be stated exactly.
            throw new IllegalArgumentException("currency " + currency + " has no minor unit");
        }
    }

    public static Money of(long minor, Currency currency) {
        return new Money(minor, currency);
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal string as sent by clients ({@code "12.50"}). Refuses more fractional
     * digits than the currency has, exponents and anything that is not a plain decimal, naming
     * {@code field} in the error. Sign and range are the caller's rules.
     */
    public static Money parse(String text, Currency currency, String field) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of(field, "validation.required", "is required");
        }
        String t = text.trim();
        if (!t.matches("[+-]?\\d{1,18}(\\.\\d+)?")) {
            throw ValidationException.of(field, "validation.money.format", "must be a decimal amount such as 12.50");
        }
        BigDecimal value = new BigDecimal(t);
        int digits = currency.getDefaultFractionDigits();
        if (value.scale() > digits) {
            throw ValidationException.of(field, "validation.money.scale",
                    "must have at most " + digits + " decimal places for " + currency.getCurrencyCode(), digits,
                    currency.getCurrencyCode());
        }
        try {
            return new Money(value.movePointRight(digits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw ValidationException.of(field, "validation.money.range", "is out of range");
        }
    }

    /**
     * Converts an exact decimal amount in major units (a rate times a quantity) to money,
     * rounding HALF_UP to the currency's minor unit. The only rounding in billing.
     */
    public static Money ofRate(BigDecimal major, Currency currency) {
        BigDecimal minorUnits = major.movePointRight(currency.getDefaultFractionDigits()).setScale(0, ROUNDING);
        return new Money(minorUnits.longValueExact(), currency);
    }

    /** The amount in major units, exact. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
    }

    /** The JSON form: a plain decimal with exactly the currency's minor digits, e.g. {@code "-3.07"}. */
    public String toPlainString() {
        return toDecimal().toPlainString();
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    public Money min(Money other) {
        requireSameCurrency(other);
        return minor <= other.minor ? this : other;
    }

    public Money max(Money other) {
        requireSameCurrency(other);
        return minor >= other.minor ? this : other;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency.getCurrencyCode();
    }
}
