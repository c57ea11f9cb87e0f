package fr.civmil.health.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A PostgreSQL server named by the environment ({@code CIVMIL_POSTGRES_URL}, an admin JDBC URL
 * such as {@code jdbc:postgresql://db:5432/postgres}, with {@code CIVMIL_POSTGRES_USER} and
 * {@code CIVMIL_POSTGRES_PASSWORD}); the user must be allowed to create databases.
 */
public final class ExternalPostgres implements PostgresServer {

    public static final String URL_VARIABLE = "CIVMIL_POSTGRES_URL";

    private final String adminUrl;
    private final String user;
    private final String password;

    private ExternalPostgres(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The server the environment names, or null when it names none. */
    public static ExternalPostgres fromEnvironment(Map<String, String> env) {
        String url = env.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return null;
        }
        return new ExternalPostgres(url, env.getOrDefault("CIVMIL_POSTGRES_USER", "postgres"),
                env.getOrDefault("CIVMIL_POSTGRES_PASSWORD", ""));
    }

    @Override
    public String jdbcUrl(String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        String base = slash < 0 ? adminUrl + "/" : adminUrl.substring(0, slash + 1);
        int query = adminUrl.indexOf('?');
        return base + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    @Override
    public String username() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public void createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            EmbeddedDatabase.createDatabase(connection, name);
        }
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
