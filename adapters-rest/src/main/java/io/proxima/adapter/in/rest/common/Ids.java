package io.proxima.adapter.in.rest.common;

import io.proxima.domain.shared.NotFoundException;
import io.proxima.domain.shared.ValidationException;
import java.util.UUID;

/** Ids from paths and filters: a malformed id in a path names nothing (404), in a filter it is a 422. */
public final class Ids {

    private Ids() {
    }

    public static UUID required(String resource, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException(resource, raw);
        }
    }

    public static UUID optional(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "validation.uuid", "must be a UUID");
        }
    }
}
