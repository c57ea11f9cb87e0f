package fr.civmil.health.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's packaged binaries) in a temporary data directory,
 * with one database per service.
 */
public final class EmbeddedDatabase implements PostgresServer {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts PostgreSQL on the port (0 picks a free one), binaries unpacked in zonky's shared cache. */
    public static EmbeddedDatabase start(int port) throws Exception {
        return start(port, null);
    }

    /** Starts PostgreSQL, unpacking its binaries once into {@code binaries} (kept between runs) when given. */
    public static EmbeddedDatabase start(int port, Path binaries) throws Exception {
        Path dataDir = Files.createTempDirectory("civmil-postgres-");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "300")
                // A throw-away development database: durability is traded for speed.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                // A new server creates its WAL segments as it goes; zero-filling each one made the first
                // bulk import of a fresh server about a second slower than on one that recycles them.
                .setServerConfig("wal_init_zero", "off")
                // Each transaction's commit time (pg_xact_commit_timestamp), for benchmarks that time one service's
                // commit to another's on the server's one clock.
                .setServerConfig("track_commit_timestamp", "on")
                .setServerConfig("shared_buffers", "128MB");
        if (port != 0) {
            builder.setPort(port);
        }
        if (binaries != null) {
            Files.createDirectories(binaries);
            builder.setOverrideWorkingDirectory(binaries.toFile());
        }
        try {
            return new EmbeddedDatabase(builder.start(), dataDir);
        } catch (Exception e) {
            Files2.deleteRecursively(dataDir);
            throw e;
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void createDatabase(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            createDatabase(connection, name);
        }
    }

    static void createDatabase(Connection connection, String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a database name: " + name);
        }
        try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("create database " + name);
        }
    }

    /**
     * Stops the server (fast shutdown: sessions are cut, as in a failover or a restart of the database host), keeps
     * it down for {@code down}, and starts it again on the same port and data with the same options (read back from
     * {@code postmaster.opts}). Returns once it accepts connections. Like zonky, pg_ctl runs in a user namespace
     * ({@code unshare -U}) where it is not root, which it refuses to be.
     */
    public void restart(Duration down) throws Exception {
        List<String> options = commandLine(Files.readString(dataDir.resolve("postmaster.opts")).trim());
        String pgCtl = Path.of(options.get(0)).resolveSibling("pg_ctl").toString();
        run(List.of("unshare", "-U", pgCtl, "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
        Thread.sleep(down.toMillis());
        List<String> serverOptions = new ArrayList<>();
        for (int i = 1; i < options.size(); i++) {
            if (options.get(i).equals("-D")) {
                i++; // pg_ctl's own
            } else {
                serverOptions.add("\"" + options.get(i) + "\"");
            }
        }
        run(List.of("unshare", "-U", pgCtl, "-D", dataDir.toString(), "-o", String.join(" ", serverOptions), "-l",
                dataDir.resolve("restart.log").toString(), "-w", "start"));
    }

    /** postmaster.opts: the binary, then each argument in double quotes. */
    private static List<String> commandLine(String opts) {
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
        while (m.find()) {
            parts.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return parts;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (Exception e) {
            // The process is gone or going; the directory is removed below either way.
        }
        Files2.deleteRecursively(dataDir);
    }
}
