package io.proxima.domain.user;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters (at most {@value #MAX_LENGTH},
 * so hashing cost stays bounded), not made of a single character class, and not the username.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Every rule the password breaks, reported against {@code field}; empty when it is acceptable. */
    public static List<FieldError> violations(String field, String password, String username) {
        List<FieldError> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(FieldError.of(field, "validation.required", "must not be blank"));
            return errors;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            errors.add(FieldError.of(field, "validation.password.length", "must be at least " + MIN_LENGTH + " characters", MIN_LENGTH));
        }
        if (length > MAX_LENGTH) {
            errors.add(FieldError.of(field, "validation.password.max_length", "must be at most " + MAX_LENGTH + " characters", MAX_LENGTH));
        }
        if (classes(password) < 2) {
            errors.add(FieldError.of(field, "validation.password.classes",
                    "must mix at least two of: lower case, upper case, digits, symbols"));
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            errors.add(FieldError.of(field, "validation.password.username", "must not be the username"));
        }
        return errors;
    }

    public static void check(String field, String password, String username) {
        List<FieldError> errors = violations(field, password, username);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static int classes(String password) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
