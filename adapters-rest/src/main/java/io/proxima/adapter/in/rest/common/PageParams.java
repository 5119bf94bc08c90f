package io.proxima.adapter.in.rest.common;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.proxima.application.shared.PageRequest;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code page} and {@code per_page} query parameters. Taken as strings and parsed here: JAX-RS
 * answers 404 when a typed query parameter fails to convert, and a bad page number is a 422.
 */
public class PageParams {

    @QueryParam("page")
    @Parameter(description = "Page number, from 1", example = "1",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "2147483647"))
    String page;

    @QueryParam("per_page")
    @Parameter(description = "Items per page, 1 to 100 (default 20)", example = "20",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "" + PageRequest.MAX_PER_PAGE,
                    defaultValue = "" + PageRequest.DEFAULT_PER_PAGE))
    String perPage;

    public PageRequest toPageRequest() {
        List<FieldError> errors = new ArrayList<>();
        Integer p = parse("page", page, 1, errors);
        Integer pp = parse("per_page", perPage, PageRequest.DEFAULT_PER_PAGE, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PageRequest(p, pp);
    }

    private static Integer parse(String field, String raw, int fallback, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "validation.integer", "must be an integer"));
            return fallback;
        }
    }
}
