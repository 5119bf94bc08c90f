package io.proxima.adapter.in.rest.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The success status of a resource method that builds its own {@code RestResponse} (to add
 * {@code Location} or {@code Idempotent-Replayed}), where {@code @ResponseStatus} does not
 * apply. {@link OpenApiContractFilter} documents the typed response under this code, so the
 * method's {@code RestResponse<ApiResponse<X>>} return type and this value must agree with
 * what the method builds. Methods returning a plain body use {@code @ResponseStatus} instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SuccessStatus {

    int value();
}
