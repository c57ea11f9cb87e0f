package fr.civmil.health.zones.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;

/** Paging and sorting of collections held in memory (the reference geography). */
final class InMemoryPages {

    private InMemoryPages() {
    }

    /**
     * @param sortable API sort field to comparator; the tie-breaker must name a unique field
     */
    static <T, R> Page<R> page(List<T> items, PageRequest request, Map<String, Comparator<T>> sortable, String defaultSort,
            String tieBreaker, java.util.function.Function<T, R> view) {
        Comparator<T> comparator = null;
        String explicit = request.sort;
        if (explicit != null && !explicit.isBlank()) {
            for (PageRequest.Order order : request.orders(keysAsColumns(sortable), defaultSort, tieBreaker)) {
                Comparator<T> next = sortable.get(order.column());
                next = order.descending() ? next.reversed() : next;
                comparator = comparator == null ? next : comparator.thenComparing(next);
            }
        }
        return Page.slice(comparator == null ? items : items.stream().sorted(comparator).toList(), request).map(view);
    }

    private static Map<String, String> keysAsColumns(Map<String, ?> sortable) {
        return sortable.keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k, k -> k));
    }
}
