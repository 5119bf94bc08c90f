package io.proxima.domain.report;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar days a report covers, both ends included, in one time zone: a charge at 23:30 UTC
 * belongs to the next day in Asia/Shanghai. Bounded, so no request can ask for a century of rows.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw ValidationException.of("from", "validation.report.range", "must not be after to");
        }
    }

    /** Parses the query parameters; missing dates mean the last 30 days up to {@code today}. */
    public static ReportPeriod parse(String from, String to, String tz, String defaultZone, LocalDate todayUtc, int maxDays) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(tz == null || tz.isBlank() ? defaultZone : tz.trim());
        } catch (DateTimeException e) {
            errors.add(FieldError.of("tz", "validation.report.time_zone", "must be an IANA time zone such as Asia/Shanghai"));
        }
        LocalDate end = date("to", to, errors);
        LocalDate start = date("from", from, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        end = end != null ? end : todayUtc;
        start = start != null ? start : end.minusDays(29);
        if (start.isAfter(end)) {
            throw ValidationException.of("from", "validation.report.range", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
            throw ValidationException.of("to", "validation.report.too_long", "the range may span at most " + maxDays + " days",
                    maxDays);
        }
        return new ReportPeriod(start, end, zone);
    }

    private static LocalDate date(String field, String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim().length() > 10 ? raw.trim().substring(0, 10) : raw.trim());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "validation.report.date", "must be a date such as 2026-12-31"));
            return null;
        }
    }

    /** The first instant of {@code from} in the zone. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to} in the zone (exclusive end). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public List<LocalDate> days() {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(d);
        }
        return out;
    }
}
