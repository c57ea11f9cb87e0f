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

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total, totalPages);
    }
}
