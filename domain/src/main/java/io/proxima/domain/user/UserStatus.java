package io.proxima.domain.user;

import io.proxima.domain.shared.ValidationException;
import java.util.Locale;

/** Life cycle of an account. A deleted account keeps its username and email reserved. */
public enum UserStatus {
    PENDING_VERIFICATION, ACTIVE, DISABLED, DELETED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserStatus fromCode(String field, String code) {
        for (UserStatus s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw ValidationException.of(field, "validation.user_status",
                "must be one of pending_verification, active, disabled, deleted");
    }
}
