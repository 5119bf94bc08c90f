package io.proxima.domain.billing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The charging rules of SPEC section 5, as pure functions. Billing periods are hours anchored at
 * the moment metering started (creation or unsuspension), charged in advance when they start;
 * the sum charged for one resource within a calendar month in UTC never exceeds the cap in force.
 * The set-based SQL of the billing run implements the same arithmetic, and a test holds the two
 * to the same results.
 */
public final class ChargingPolicy {

    public static final Duration PERIOD = Duration.ofHours(1);

    private ChargingPolicy() {
    }

    /** The first instant of the UTC calendar month holding {@code at}: months never depend on a server's zone. */
    public static Instant monthStart(Instant at) {
        YearMonth ym = YearMonth.from(at.atOffset(ZoneOffset.UTC));
        return ym.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public static Instant nextMonthStart(Instant at) {
        YearMonth ym = YearMonth.from(at.atOffset(ZoneOffset.UTC)).plusMonths(1);
        return ym.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /**
     * The charge for one started hour: the hourly price, or what is left under the month's cap
     * when that is less (never negative).
     */
    public static Money hourCharge(Money hourly, Money monthCap, Money chargedThisMonth) {
        Money left = monthCap.minus(chargedThisMonth);
        if (!left.isPositive()) {
            return Money.zero(hourly.currency());
        }
        return hourly.min(left);
    }

    /**
     * The cap that applies to the rest of a month after a plan change at {@code at}: the new
     * monthly price prorated to the time left in the month (HALF_UP through {@link Money#ofRate}).
     * A resource that changes plan is thus billed like a new resource on the new plan from then on.
     */
    public static Money proratedCap(Money monthly, Instant at) {
        Instant start = monthStart(at);
        Instant end = nextMonthStart(at);
        long total = Duration.between(start, end).getSeconds();
        long left = Duration.between(at, end).getSeconds();
        BigDecimal fraction = BigDecimal.valueOf(left).divide(BigDecimal.valueOf(total), 12, Money.ROUNDING);
        return Money.ofRate(monthly.toDecimal().multiply(fraction), monthly.currency());
    }

    /**
     * The proration of the hour a plan change happens in: that hour was charged in advance at the
     * old price, so the difference of the two prices for the part of the hour still to come is
     * charged (upgrade, positive) or credited (downgrade, negative).
     */
    public static Money planChangeProration(Money oldHourly, Money newHourly, Instant periodStart, Instant at) {
        Instant periodEnd = periodStart.plus(PERIOD);
        if (!at.isBefore(periodEnd) || at.isBefore(periodStart)) {
            return Money.zero(oldHourly.currency());
        }
        long left = Duration.between(at, periodEnd).getSeconds();
        BigDecimal fraction = BigDecimal.valueOf(left).divide(BigDecimal.valueOf(PERIOD.getSeconds()), 12, Money.ROUNDING);
        BigDecimal diff = newHourly.toDecimal().subtract(oldHourly.toDecimal());
        return Money.ofRate(diff.multiply(fraction), oldHourly.currency());
    }

    /** Hours a balance lasts at a burn rate per hour; null when nothing is burning. */
    public static Long hoursLeft(Money balance, Money burnPerHour) {
        if (!burnPerHour.isPositive()) {
            return null;
        }
        if (!balance.isPositive()) {
            return 0L;
        }
        return balance.minor() / burnPerHour.minor();
    }
}
