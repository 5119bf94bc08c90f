package io.proxima.application.shared;

import java.util.List;
import java.util.function.Function;

/** One page of results plus the total count of the whole query. */
public record Page<T>(List<T> items, PageRequest request, long totalCount) {

    public Page {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return totalCount == 0 ? 0 : (int) ((totalCount + request.perPage() - 1) / request.perPage());
    }

    public boolean hasNext() {
        return request.page() < totalPages();
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), request, totalCount);
    }
}
