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
        String order = page.orders(SORTABLE, "-time", "id").stream()
                .map(o -> o.column() + (o.descending() ? " DESC" : " ASC"))
                .collect(Collectors.joining(", "));
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(connection, "SELECT count(*) FROM gateway_audit" + where, params);
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<AuditRecord> items = new ArrayList<>();
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(page.size);
            pageParams.add(page.offset());
            try (PreparedStatement select = prepare(connection, "SELECT occurred_at, client, roles, method, path, route, status,"
                    + " latency_ms, request_id, upstream FROM gateway_audit" + where + " ORDER BY " + order
                    + " LIMIT ? OFFSET ?", pageParams);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String roles = rs.getString(3);
                    items.add(new AuditRecord(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getInt(7), rs.getDouble(8), rs.getString(9), rs.getString(10)));
                }
            }
            return Page.of(items, page, total);
        } catch (SQLException e) {
            throw new IllegalStateException("audit query failed", e);
        }
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
        String order = page.orders(REFUSALS_SORTABLE, "-minute", "client").stream()
                .map(o -> o.column() + (o.descending() ? " DESC" : " ASC"))
                .collect(Collectors.joining(", ")) + ", minute, route"; // (minute, client, route) is the key
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(connection, "SELECT count(*) FROM gateway_quota_refusals" + where, params);
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<QuotaRefusals> items = new ArrayList<>();
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(page.size);
            pageParams.add(page.offset());
            try (PreparedStatement select = prepare(connection, "SELECT minute, client, route, refusals FROM gateway_quota_refusals"
                    + where + " ORDER BY " + order + " LIMIT ? OFFSET ?", pageParams);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(new QuotaRefusals(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return Page.of(items, page, total);
        } catch (SQLException e) {
            throw new IllegalStateException("quota refusal query failed", e);
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
