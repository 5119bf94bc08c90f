package io.proxima.adapter.in.rest.common;

import io.proxima.application.shared.Page;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code data} of a list endpoint: items plus the pagination object of SPEC section 2. */
@Schema(name = "PageResponse")
public record PageResponse<T>(List<T> items, Pagination pagination) {

    @Schema(name = "Pagination")
    public record Pagination(int currentPage, int perPage, int totalPages, long totalCount,
                             boolean hasNext, boolean hasPrev) {
    }

    public static <S, T> PageResponse<T> of(Page<S> page, Function<? super S, ? extends T> mapper) {
        Page<T> mapped = page.map(mapper);
        return new PageResponse<>(mapped.items(), new Pagination(page.request().page(), page.request().perPage(),
                page.totalPages(), page.totalCount(), page.hasNext(), page.hasPrevious()));
    }
}
