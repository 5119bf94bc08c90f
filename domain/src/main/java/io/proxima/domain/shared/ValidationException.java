package io.proxima.domain.shared;

import java.util.List;

/** Input that breaks a rule; lists every offending field so clients can show them all at once. */
public class ValidationException extends DomainException {

    private final transient List<FieldError> fieldErrors;

    public ValidationException(List<FieldError> fieldErrors) {
        super(ErrorCode.VALIDATION_FAILED, "error.validation", "Validation failed: " + describe(fieldErrors));
        if (fieldErrors == null || fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ValidationException of(String field, String messageKey, String message, Object... args) {
        return new ValidationException(List.of(FieldError.of(field, messageKey, message, args)));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (FieldError e : errors) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.field()).append(": ").append(e.message());
        }
        return sb.toString();
    }
}
