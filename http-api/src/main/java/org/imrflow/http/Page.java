package org.imrflow.http;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint returns it. {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /**
     * Runs the query for the requested page and counts the whole list. Call inside a session. A bad {@code page} or
     * {@code size} throws {@link InvalidRequestException} before anything is read.
     */
    public static <E, T> Uni<Page<T>> of(PanacheQuery<E> query, PageRequest request, Function<E, T> view) {
        int page = request.page();
        int size = request.size();
        PanacheQuery<E> paged = query.page(page, size);
        return paged.list().chain(entities -> paged.count().map(total ->
                new Page<>(entities.stream().map(view).toList(), page, size, total)));
    }
}
