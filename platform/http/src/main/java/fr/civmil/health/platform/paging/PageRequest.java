package fr.civmil.health.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import fr.civmil.health.platform.problem.ApiProblem;

/**
 * Paging and sorting query parameters of every collection ({@code @BeanParam}).
 * {@code sort} is a comma-separated list of fields, each optionally prefixed by {@code -} for
 * descending order; only the fields a resource allows are accepted.
 */
public class PageRequest {

    public static final int MAX_SIZE = 200;
    /** The last page anyone may ask for: keeps page × size far below what an offset can hold. */
    public static final int MAX_PAGE = 100_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "{civmil.page}")
    @Max(value = MAX_PAGE, message = "{civmil.page}")
    @Parameter(description = "Zero-based page number, at most 100000", example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "{civmil.size}")
    @Max(value = MAX_SIZE, message = "{civmil.size}")
    @Parameter(description = "Page size, at most 200", example = "20")
    public int size;

    @QueryParam("sort")
    @Size(max = 200, message = "{civmil.sort.length}")
    @Pattern(regexp = "-?[A-Za-z][A-Za-z0-9]*(,-?[A-Za-z][A-Za-z0-9]*)*", message = "{civmil.sort}")
    @Parameter(description = "Comma-separated sort fields, '-' prefix for descending, e.g. 'name,-population'; the fields each collection allows are listed in its description")
    public String sort;

    public PageRequest() {
    }

    public static PageRequest of(int page, int size, String sort) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = size;
        request.sort = sort;
        return request;
    }

    public long offset() {
        return (long) page * size;
    }

    /** One sort key: the column (or property) to order by and its direction. */
    public record Order(String column, boolean descending) {
    }

    /**
     * Resolves {@code sort} against the fields this collection allows (API name to column or
     * property), falling back to the default; a unique tie-breaker keeps pages stable.
     */
    public List<Order> orders(Map<String, String> allowed, String defaultSort, String tieBreaker) {
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        List<Order> orders = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String field = raw.trim();
            boolean descending = field.startsWith("-");
            String name = descending ? field.substring(1) : field;
            String column = allowed.get(name);
            if (column == null) {
                throw ApiProblem.invalidField("sort", "param.sort", name, String.join(", ", allowed.keySet().stream().sorted().toList()));
            }
            orders.add(new Order(column, descending));
        }
        if (orders.stream().noneMatch(o -> o.column().equals(tieBreaker))) {
            orders.add(new Order(tieBreaker, false));
        }
        return orders;
    }
}
