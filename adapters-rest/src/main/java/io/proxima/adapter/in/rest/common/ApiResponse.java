package io.proxima.adapter.in.rest.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The success envelope of SPEC section 2: {@code {"code": 200, "message": "...", "data": ...}}. */
@Schema(name = "ApiResponse", description = "Success envelope")
public record ApiResponse<T>(
        @Schema(description = "HTTP status repeated in the body", examples = "200") int code,
        @Schema(description = "Human-readable summary") String message,
        @Schema(description = "The payload") T data) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(200, "OK", data);
    }

    public static <T> ApiResponse<T> created(T data) {
        return new ApiResponse<>(201, "Created", data);
    }

    public static <T> ApiResponse<T> accepted(T data) {
        return new ApiResponse<>(202, "Accepted", data);
    }
}
