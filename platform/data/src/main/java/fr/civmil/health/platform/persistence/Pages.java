package fr.civmil.health.platform.persistence;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** Panache queries as API pages. */
public final class Pages {

    private Pages() {
    }

    /** Panache sort from the request's validated sort fields (API name to entity property). */
    public static Sort sort(PageRequest request, Map<String, String> allowed, String defaultSort, String tieBreaker) {
        Sort sort = null;
        for (PageRequest.Order order : request.orders(allowed, defaultSort, tieBreaker)) {
            Sort.Direction direction = order.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
            sort = sort == null ? Sort.by(order.column(), direction) : sort.and(order.column(), direction);
        }
        return sort;
    }

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        List<T> items = query.page(request.page, request.size).list().stream().map(mapper).toList();
        return Page.of(items, request, query.count());
    }
}
