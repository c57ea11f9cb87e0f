package fr.civmil.health.devstack;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at the shared PostgreSQL, Kafka and dev issuer,
 * started once per test JVM. Init argument {@code database} names the service's database.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> details = TestInfrastructure.start();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.database(database));
        config.put("quarkus.datasource.username", details.get("postgres.username"));
        config.put("quarkus.datasource.password", details.get("postgres.password"));
        config.put("kafka.bootstrap.servers", details.get("kafka.bootstrap.servers"));
        config.put("mp.jwt.verify.publickey.location", details.get("jwks.url"));
        config.put("mp.jwt.verify.issuer", details.get("issuer"));
        return config;
    }

    @Override
    public void stop() {
        // The infrastructure is shared by the whole JVM and stops with it.
    }
}
