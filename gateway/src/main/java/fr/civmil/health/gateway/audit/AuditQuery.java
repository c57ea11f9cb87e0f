package fr.civmil.health.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import javax.sql.DataSource;

import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;

/** Reads the audit trail: filtered, sorted with a stable tie-breaker, paged with the total. */
@Singleton
public class AuditQuery {

    /** API sort names to columns. */
    static final Map<String, String> SORTABLE = Map.of("time", "occurred_at", "status", "status", "latencyMs", "latency_ms",
            "client", "client");

    private final DataSource dataSource;

    public AuditQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Filter(String client, String route, Integer status, String requestId, Instant from, Instant to) {
    }

    public Page<AuditRecord> find(Filter filter, PageRequest page) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        condition(where, params, "client = ?", filter.client());
        condition(where, params, "route = ?", filter.route());
        condition(where, params, "status = ?", filter.status());
        condition(where, params, "request_id = ?", filter.requestId());
        condition(where, params, "occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(where, params, "occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        String order = orderBy(page.orders(SORTABLE, "-time", "id"));
        return page(page, "gateway_audit", "occurred_at, client, roles, method, path, route, status, latency_ms, request_id, upstream",
                where, params, order, rs -> {
                    String roles = rs.getString(3);
                    return new AuditRecord(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getInt(7), rs.getDouble(8), rs.getString(9), rs.getString(10));
                });
    }

    /** API sort names to columns of the refusal counts. */
    static final Map<String, String> REFUSALS_SORTABLE = Map.of("minute", "minute", "refusals", "refusals", "client", "client");

    public record RefusalFilter(String client, String route, Instant from, Instant to) {
    }

    /** The quota refusals counted per client, route and minute, newest minute first by default. */
    public Page<QuotaRefusals> refusals(RefusalFilter filter, PageRequest page) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        condition(where, params, "client = ?", filter.client());
        condition(where, params, "route = ?", filter.route());
        condition(where, params, "minute >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(where, params, "minute < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        // (minute, client, route) is the key: the tie-breaker and then the rest of it keep pages stable.
        String order = orderBy(page.orders(REFUSALS_SORTABLE, "-minute", "client")) + ", minute, route";
        return page(page, "gateway_quota_refusals", "minute, client, route, refusals", where, params, order,
                rs -> new QuotaRefusals(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getLong(4)));
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static String orderBy(List<PageRequest.Order> orders) {
        return orders.stream().map(o -> o.column() + (o.descending() ? " DESC" : " ASC")).collect(Collectors.joining(", "));
    }

    /** One page of a table's filtered rows, with the total of the filter. */
    private <T> Page<T> page(PageRequest page, String table, String columns, StringBuilder where, List<Object> params, String order,
            Row<T> row) {
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(connection, "SELECT count(*) FROM " + table + where, params);
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<T> items = new ArrayList<>();
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(page.size);
            pageParams.add(page.offset());
            try (PreparedStatement select = prepare(connection, "SELECT " + columns + " FROM " + table + where + " ORDER BY " + order
                    + " LIMIT ? OFFSET ?", pageParams);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(row.read(rs));
                }
            }
            return Page.of(items, page, total);
        } catch (SQLException e) {
            throw new IllegalStateException(table + " query failed", e);
        }
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.add(value);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement;
    }
}
