package io.proxima.domain.user;

import io.proxima.domain.shared.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Shape rules for usernames and email addresses, and their canonical (case-folded) form. */
public final class UserNames {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{2,31}");
    // Deliberately simple: the address is proven by the verification mail, not by a regex.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private UserNames() {
    }

    public static Optional<FieldError> usernameError(String field, String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.of(FieldError.of(field, "validation.username",
                    "must be 3 to 32 letters, digits, '.', '_' or '-', starting with a letter"));
        }
        return Optional.empty();
    }

    public static Optional<FieldError> emailError(String field, String email) {
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return Optional.of(FieldError.of(field, "validation.email", "must be a valid email address"));
        }
        return Optional.empty();
    }

    public static String canonicalEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static List<FieldError> check(String username, String email) {
        return java.util.stream.Stream.of(usernameError("username", username), emailError("email", email))
                .flatMap(Optional::stream).toList();
    }
}
