package dev.mentorship.runtime.paging;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, where the page is, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Reads one page of a query and the query's total count; call it inside a session. */
    public static <T> Uni<Page<T>> of(PanacheQuery<T> query, int page, int size) {
        PanacheQuery<T> paged = query.page(page, size);
        return paged.list().flatMap(items -> paged.count().map(total -> new Page<>(items, page, size, total)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
