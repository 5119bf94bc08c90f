package io.proxima.domain.user;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

/** What an API key may do: {@code read} (GET), {@code write} (everything else), {@code admin} (admin routes). */
public enum ApiKeyScope {
    READ, WRITE, ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApiKeyScope fromCode(String field, String code) {
        for (ApiKeyScope s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw ValidationException.of(field, "validation.scope", "must be one of read, write, admin");
    }
}
