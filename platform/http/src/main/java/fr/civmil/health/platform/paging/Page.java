package fr.civmil.health.platform.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a collection, with the total number of items across all pages. */
@Schema(description = "A page of results and the total count")
public record Page<T>(
        @Schema(required = true, description = "The items of this page") List<T> items,
        @Schema(required = true, description = "Zero-based page number", example = "0") int page,
        @Schema(required = true, description = "Requested page size", example = "20") int size,
        @Schema(required = true, description = "Number of items across all pages", example = "19") long total,
        @Schema(required = true, description = "Number of pages", example = "1") int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        int pages = (int) ((total + request.size - 1) / request.size);
        return new Page<>(items, request.page, request.size, total, pages);
    }

    /** The requested page of a whole collection held in memory. */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(request.offset(), all.size());
        return of(List.copyOf(all.subList(from, Math.min(from + request.size, all.size()))), request, all.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total, totalPages);
    }
}
