import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.civmil.health.devstack.DevIssuer;
import fr.civmil.health.devstack.EmbeddedDatabase;
import fr.civmil.health.devstack.EmbeddedKafkaBroker;

/**
 * The infrastructure a benchmark needs around the service it measures, from the devstack classes:
 * an embedded PostgreSQL with the named databases, optionally the in-JVM Kafka broker, and the dev
 * token issuer. Writes the settings as shell variables to the file given first, then runs until killed.
 *
 * Usage: java -cp "devstack/target/classes:devstack/target/lib/*" bench/common/BenchStack.java ENV_FILE
 * [--database NAME]... [--kafka]
 *
 * Variables: JDBC_URL_<NAME>, JDBC_USER, JDBC_PASSWORD, PGPORT, KAFKA_BOOTSTRAP_SERVERS, JWKS_URL, ISSUER,
 * and TOKEN_<ROLE> (two hours) for every dev role.
 */
public class BenchStack {

    public static void main(String[] args) throws Exception {
        List<String> databases = new ArrayList<>();
        boolean kafka = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--database" -> databases.add(args[++i]);
                case "--kafka" -> kafka = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        EmbeddedDatabase postgres = EmbeddedDatabase.start(0);
        EmbeddedKafkaBroker broker = kafka ? EmbeddedKafkaBroker.start(0) : null;
        DevIssuer issuer = DevIssuer.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            issuer.close();
            if (broker != null) {
                broker.close();
            }
            postgres.close();
        }));
        List<String> env = new ArrayList<>();
        for (String database : databases) {
            postgres.createDatabase(database);
            env.add(variable("JDBC_URL_" + database, postgres.jdbcUrl(database)));
        }
        env.add(variable("JDBC_USER", postgres.username()));
        env.add(variable("JDBC_PASSWORD", postgres.password()));
        env.add(variable("PGPORT", Integer.toString(postgres.port())));
        if (broker != null) {
            env.add(variable("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
        }
        env.add(variable("JWKS_URL", issuer.jwksUrl()));
        env.add(variable("ISSUER", issuer.issuer()));
        for (String role : DevIssuer.ROLES) {
            env.add(variable("TOKEN_" + role, issuer.token("bench-" + role, List.of(role), Duration.ofHours(2))));
        }
        // Written last and whole, so a script polling for the file never reads half of it.
        Path target = Path.of(args[0]);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, String.join("\n", env) + "\n");
        Files.move(partial, target);
        Thread.currentThread().join();
    }

    private static String variable(String name, String value) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_') + "='" + value + "'";
    }
}
