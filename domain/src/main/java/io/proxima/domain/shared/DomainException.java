package io.proxima.domain.shared;

import java.util.List;
import java.util.Map;

/**
 * Base of every business-rule failure. Carries a stable {@link ErrorCode}, a message key the
 * REST adapter translates (English and Simplified Chinese) and the arguments that fill it. The
 * Java message is the English text, for logs.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;
    private final transient List<Object> args;
    private final transient Object details;

    public DomainException(ErrorCode code, String messageKey, String englishMessage, Object... args) {
        this(code, messageKey, englishMessage, null, args);
    }

    /** With structured {@code details} for the client; {@code args} fill the message key. */
    public DomainException(ErrorCode code, String messageKey, String englishMessage, Object details, Object[] args) {
        super(englishMessage);
        this.code = code;
        this.messageKey = messageKey;
        this.args = args == null ? List.of() : List.of(args);
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }

    /** Structured detail for the client (field errors, current state ...); null when none. */
    public Object details() {
        return details;
    }

    /** Convenience for details shaped as a small JSON object. */
    protected static Map<String, Object> detail(String key, Object value) {
        return Map.of(key, value);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Business failures are expected outcomes; their stack traces are never logged.
        return this;
    }
}
