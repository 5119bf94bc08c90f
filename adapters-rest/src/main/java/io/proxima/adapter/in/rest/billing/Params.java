package io.proxima.adapter.in.rest.billing;

import io.proxima.domain.shared.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parsing of path and query values: a malformed id is simply not found, a malformed filter is a 422. */
final class Params {

    private Params() {
    }

    static UUID pathId(String raw, String resource) {
        return io.proxima.adapter.in.rest.common.Ids.required(resource, raw);
    }

    static UUID queryId(String raw, String field) {
        return io.proxima.adapter.in.rest.common.Ids.optional(field, raw);
    }

    /** An ISO-8601 instant ({@code 2026-05-01T00:00:00Z}) or a UTC date ({@code 2026-05-01}). */
    static Instant time(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.trim();
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "validation.datetime", "must be an ISO-8601 date or UTC timestamp");
        }
    }

    static String type(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
