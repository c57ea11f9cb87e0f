import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import fr.civmil.health.devstack.DevIssuer;
import fr.civmil.health.devstack.EmbeddedDatabase;

/**
 * What the gateway benchmark needs besides the gateway: an embedded PostgreSQL with the `gateway`
 * database (the audit trail) and the dev token issuer. Writes their settings as shell variables to the
 * file given as argument, then runs until killed.
 */
public class BenchStack {

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase postgres = EmbeddedDatabase.start(0);
        postgres.createDatabase("gateway");
        DevIssuer issuer = DevIssuer.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            issuer.close();
            postgres.close();
        }));
        String token = issuer.token("bench-client", List.of("ars"), Duration.ofHours(2));
        // For bench/gateway/refusals.sh: a client far over its quota, and an admin one measured beside it.
        String greedy = issuer.token("greedy-client", List.of("ars"), Duration.ofHours(2));
        String patient = issuer.token("patient-client", List.of("admin"), Duration.ofHours(2));
        Files.writeString(Path.of(args[0]), String.join("\n",
                "JDBC_URL='" + postgres.jdbcUrl("gateway") + "'",
                "JDBC_USER='" + postgres.username() + "'",
                "JDBC_PASSWORD='" + postgres.password() + "'",
                "JWKS_URL='" + issuer.jwksUrl() + "'",
                "ISSUER='" + issuer.issuer() + "'",
                "TOKEN='" + token + "'",
                "GREEDY_TOKEN='" + greedy + "'",
                "PATIENT_TOKEN='" + patient + "'", ""));
        Thread.currentThread().join();
    }
}
