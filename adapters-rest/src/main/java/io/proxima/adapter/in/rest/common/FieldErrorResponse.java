package io.proxima.adapter.in.rest.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a 42201 error's {@code details}. */
@Schema(name = "FieldError")
public record FieldErrorResponse(String field, String message) {
}
