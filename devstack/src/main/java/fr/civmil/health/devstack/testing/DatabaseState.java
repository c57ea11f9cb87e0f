package fr.civmil.health.devstack.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.config.Config;

/**
 * A checksum of every table of the service's database (row count and a hash of every row), to prove that a request
 * changed nothing. Read through the application's own JDBC settings, outside its connection pool.
 */
final class DatabaseState implements AutoCloseable {

    /** Bookkeeping that changes after the request that caused it: the relay marking an event published. */
    private static final List<String> BOOKKEEPING = List.of("published_at");

    private final Connection connection;
    /** Each table with the row expression its checksum hashes. */
    private final Map<String, String> tables = new TreeMap<>();

    private DatabaseState(Connection connection, Set<String> excluded) throws SQLException {
        this.connection = connection;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select quote_ident(table_name), string_agg('t.' || quote_ident(column_name), ', '"
                        + " order by ordinal_position) filter (where column_name <> all (array['" + String.join("','", BOOKKEEPING) + "']))"
                        + " from information_schema.columns where table_schema = current_schema() and table_name not like 'flyway%'"
                        + " group by table_name")) {
            while (rows.next()) {
                if (!excluded.contains(rows.getString(1))) {
                    tables.put(rows.getString(1), rows.getString(2));
                }
            }
        }
    }

    static DatabaseState open(Config config, Set<String> excluded) throws SQLException {
        return new DatabaseState(DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null)), excluded);
    }

    Map<String, Long> checksums() throws SQLException {
        Map<String, Long> sums = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : tables.entrySet()) {
                try (ResultSet row = statement.executeQuery("select count(*), coalesce(sum(hashtextextended(row(" + table.getValue()
                        + ")::text, 0)) % 9223372036854775807, 0)::bigint from " + table.getKey() + " t")) {
                    row.next();
                    sums.put(table.getKey(), row.getLong(1) * 31 + row.getLong(2));
                }
            }
        }
        return sums;
    }

    /**
     * Checksums once the service is quiet: what earlier requests set going (the outbox relay, a projection) may still
     * be writing, and must not be taken for the effect of the next requests.
     */
    Map<String, Long> settledChecksums() throws SQLException, InterruptedException {
        Map<String, Long> previous = checksums();
        for (int attempt = 0; attempt < 50; attempt++) {
            Thread.sleep(100);
            Map<String, Long> current = checksums();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    static List<String> changedTables(Map<String, Long> before, Map<String, Long> after) {
        return after.keySet().stream().filter(table -> !after.get(table).equals(before.get(table))).toList();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
