package io.proxima.domain.shared;

/** A uniqueness rule would be broken (a taken username, a duplicate name ...). */
public class ConflictException extends DomainException {

    public ConflictException(String messageKey, String englishMessage, Object... args) {
        super(ErrorCode.CONFLICT, messageKey, englishMessage, args);
    }
}
