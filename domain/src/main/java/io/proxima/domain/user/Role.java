package io.proxima.domain.user;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

/** What an account may do: customers, support staff (tickets only) and administrators. */
public enum Role {
    USER, SUPPORT, ADMIN;

    /** The name on the wire, in the database and in the JWT {@code groups} claim. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isStaff() {
        return this != USER;
    }

    public static Role fromCode(String field, String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw ValidationException.of(field, "validation.role", "must be one of user, support, admin");
    }
}
