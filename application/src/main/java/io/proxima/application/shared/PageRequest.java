package io.proxima.application.shared;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** A page of a list query: pages count from 1, at most {@value #MAX_PER_PAGE} items a page. */
public record PageRequest(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 20;
    public static final int MAX_PER_PAGE = 100;

    public PageRequest {
        List<FieldError> errors = new ArrayList<>();
        if (page < 1) {
            errors.add(FieldError.of("page", "validation.page.min", "must be 1 or greater"));
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            errors.add(FieldError.of("per_page", "validation.per_page.range",
                    "must be between 1 and " + MAX_PER_PAGE, MAX_PER_PAGE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_PER_PAGE);
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
