package io.proxima.adapter.in.rest.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The error envelope of SPEC section 2. {@code code} is the five-digit application code,
 * {@code details} is optional structure (field errors for 42201), {@code request_id} lets
 * support find the matching log lines.
 */
@Schema(name = "ErrorResponse", description = "Error envelope")
public record ErrorResponse(
        @Schema(description = "Application error code, e.g. 40401 or 42201", examples = "42201") int code,
        @Schema(description = "Human-readable message in the caller's language") String message,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Structured detail; for 42201 a list of {field, message}") Object details,
        @Schema(description = "Correlation id of the request (also in the X-Request-Id header)") String requestId) {
}
