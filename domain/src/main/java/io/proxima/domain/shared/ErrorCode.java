package io.proxima.domain.shared;

/**
 * The stable error categories of the domain. The REST adapter maps each to an HTTP status and
 * to the application code of SPEC section 2; the domain knows neither.
 */
public enum ErrorCode {
    BAD_REQUEST,
    INVALID_CREDENTIALS,
    TOKEN_EXPIRED,
    TOKEN_INVALID,
    ACCOUNT_INACTIVE,
    AUTHENTICATION_REQUIRED,
    INSUFFICIENT_BALANCE,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    STATE_CONFLICT,
    VALIDATION_FAILED,
    RATE_LIMITED,
    INTERNAL,
    NOT_IMPLEMENTED,
    HYPERVISOR_ERROR,
    UNAVAILABLE
}
