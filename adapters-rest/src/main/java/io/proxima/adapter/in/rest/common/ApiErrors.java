package io.proxima.adapter.in.rest.common;

import io.proxima.domain.shared.ErrorCode;
import jakarta.ws.rs.core.Response;

/** Maps the domain's error categories to the HTTP status and application code of SPEC section 2. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public record Mapping(int status, int code, String messageKey, String defaultMessage) {
    }

    public static Mapping of(ErrorCode code) {
        return switch (code) {
            case BAD_REQUEST -> new Mapping(400, 40000, "error.bad_request", "Bad request");
            case INVALID_CREDENTIALS -> new Mapping(401, 40001, "error.invalid_credentials", "Invalid credentials");
            case TOKEN_EXPIRED -> new Mapping(401, 40002, "error.token_expired", "Token expired");
            case TOKEN_INVALID -> new Mapping(401, 40003, "error.token_invalid", "Token invalid");
            case ACCOUNT_INACTIVE -> new Mapping(403, 40004, "error.account_inactive", "Account disabled or not verified");
            case AUTHENTICATION_REQUIRED -> new Mapping(401, 40101, "error.authentication_required", "Authentication required");
            case INSUFFICIENT_BALANCE -> new Mapping(402, 40201, "error.insufficient_balance", "Insufficient balance");
            case FORBIDDEN -> new Mapping(403, 40301, "error.forbidden", "Forbidden");
            case NOT_FOUND -> new Mapping(404, 40401, "error.not_found_generic", "Not found");
            case CONFLICT -> new Mapping(409, 40901, "error.conflict", "Conflict");
            case STATE_CONFLICT -> new Mapping(409, 40902, "error.state_conflict", "Not allowed in the current state");
            case VALIDATION_FAILED -> new Mapping(422, 42201, "error.validation", "Validation failed");
            case RATE_LIMITED -> new Mapping(429, 42901, "error.rate_limited", "Too many requests");
            case INTERNAL -> new Mapping(500, 50001, "error.internal", "Internal server error");
            case NOT_IMPLEMENTED -> new Mapping(501, 50101, "error.not_implemented", "Not implemented");
            case HYPERVISOR_ERROR -> new Mapping(502, 50201, "error.hypervisor", "Hypervisor error");
            case UNAVAILABLE -> new Mapping(503, 50301, "error.unavailable", "Service unavailable");
        };
    }

    /**
     * For HTTP-level failures that have no domain category (405, 406, 413, 415 ...): the code is
     * the status followed by {@code 01}, e.g. 40501.
     */
    public static Mapping ofStatus(int status) {
        return switch (status) {
            case 400 -> of(ErrorCode.BAD_REQUEST);
            case 401 -> of(ErrorCode.AUTHENTICATION_REQUIRED);
            case 403 -> of(ErrorCode.FORBIDDEN);
            case 404 -> new Mapping(404, 40401, "error.route_not_found", "No such resource");
            case 405 -> new Mapping(405, 40501, "error.method_not_allowed", "Method not allowed");
            case 406 -> new Mapping(406, 40601, "error.not_acceptable", "Not acceptable");
            case 409 -> of(ErrorCode.CONFLICT);
            case 413 -> new Mapping(413, 41301, "error.payload_too_large", "Request body too large");
            case 415 -> new Mapping(415, 41501, "error.unsupported_media_type", "Unsupported media type");
            case 429 -> of(ErrorCode.RATE_LIMITED);
            case 501 -> of(ErrorCode.NOT_IMPLEMENTED);
            case 503 -> of(ErrorCode.UNAVAILABLE);
            default -> status >= 500 ? of(ErrorCode.INTERNAL)
                    : new Mapping(status, status * 100 + 1, "error.http_" + status,
                            Response.Status.fromStatusCode(status) != null
                                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Client error");
        };
    }
}
