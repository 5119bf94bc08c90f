package io.proxima.domain.shared;

import java.util.List;
import java.util.Objects;

/**
 * One invalid input field: the field name as the client sent it, a message key and its
 * arguments, and the English text.
 */
public record FieldError(String field, String messageKey, String message, List<Object> args) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldError of(String field, String messageKey, String message, Object... args) {
        return new FieldError(field, messageKey, message, List.of(args));
    }
}
