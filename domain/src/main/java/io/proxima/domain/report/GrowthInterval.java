package io.proxima.domain.report;

import io.proxima.domain.shared.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** Buckets of the user-growth report; weeks start on Monday (ISO). */
public enum GrowthInterval {
    DAY, WEEK, MONTH;

    public static GrowthInterval parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return DAY;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("interval", "validation.report.interval", "must be day, week or month");
        }
    }

    /** The first day of the bucket {@code day} falls in. */
    public LocalDate bucketOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    public LocalDate next(LocalDate bucket) {
        return switch (this) {
            case DAY -> bucket.plusDays(1);
            case WEEK -> bucket.plusWeeks(1);
            case MONTH -> bucket.plusMonths(1);
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
