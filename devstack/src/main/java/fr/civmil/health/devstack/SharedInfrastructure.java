package fr.civmil.health.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One PostgreSQL server, one Kafka broker and one dev issuer per JVM, shared by every test
 * (and every Quarkus restart) in it. Always loaded by the system class loader (see
 * {@link TestInfrastructure}) so that the broker's threads outlive Quarkus' own class loaders.
 * When the environment names external servers ({@code CIVMIL_POSTGRES_URL},
 * {@code KAFKA_BOOTSTRAP_SERVERS}) those are used instead of embedded ones.
 */
public final class SharedInfrastructure {

    private static PostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;
    private static String kafkaBootstrap;
    private static DevIssuer issuer;
    private static Path privateKey;

    private SharedInfrastructure() {
    }

    /** Starts what is not started yet; returns the connection details. */
    public static synchronized Map<String, String> start() throws Exception {
        if (issuer == null) {
            withOwnClassLoader(SharedInfrastructure::startAll);
        }
        Map<String, String> details = new HashMap<>();
        details.put("kafka.bootstrap.servers", kafkaBootstrap);
        details.put("issuer", issuer.issuer());
        details.put("jwks.url", issuer.jwksUrl());
        details.put("issuer.key-id", issuer.keyId());
        details.put("issuer.private-key", privateKey.toString());
        details.put("postgres.username", postgres.username());
        details.put("postgres.password", postgres.password());
        return details;
    }

    private static void startAll() throws Exception {
        // Registered first, so whatever did start is stopped even if a later step fails.
        Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopAll, "civmil-devstack-stop"));
        Map<String, String> env = System.getenv();
        postgres = ExternalPostgres.fromEnvironment(env);
        if (postgres == null) {
            postgres = EmbeddedDatabase.start(0);
        }
        kafkaBootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafkaBootstrap == null || kafkaBootstrap.isBlank()) {
            kafka = EmbeddedKafkaBroker.start(0);
            kafkaBootstrap = kafka.bootstrapServers();
        }
        issuer = DevIssuer.start(0);
        privateKey = issuer.writePrivateKey(Files.createTempFile("civmil-dev-issuer-", ".pem"));
    }

    /** Creates the database if needed and returns its JDBC URL. */
    public static synchronized String database(String name) throws Exception {
        start();
        postgres.createDatabase(name);
        return postgres.jdbcUrl(name);
    }

    public static synchronized boolean kafkaIsEmbedded() {
        return kafka != null;
    }

    public static synchronized void stopKafka() {
        requireEmbeddedKafka().stop();
    }

    public static synchronized void restartKafka() throws Exception {
        withOwnClassLoader(requireEmbeddedKafka()::restart);
    }

    public static synchronized String token(String subject, String role, long ttlSeconds) {
        return issuer.token(subject, List.of(role), Duration.ofSeconds(ttlSeconds));
    }

    public static synchronized String token(String subject, String role, String regionCode, long ttlSeconds) {
        return issuer.token(subject, List.of(role), regionCode, Duration.ofSeconds(ttlSeconds));
    }

    private static EmbeddedKafkaBroker requireEmbeddedKafka() {
        if (kafka == null) {
            throw new IllegalStateException("The Kafka broker is external (KAFKA_BOOTSTRAP_SERVERS); tests cannot stop it");
        }
        return kafka;
    }

    /** A step that may throw. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Kafka loads plugins through the thread's context class loader, and its threads inherit it:
     * it must be this (system) class loader, not the calling test's.
     */
    private static void withOwnClassLoader(Step step) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SharedInfrastructure.class.getClassLoader());
        try {
            step.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Each step on its own: one that fails at JVM exit must not leave the others' files behind. */
    private static synchronized void stopAll() {
        if (privateKey != null) {
            privateKey.toFile().delete();
        }
        for (AutoCloseable resource : new AutoCloseable[] { kafka, issuer, postgres }) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception | LinkageError e) {
                System.err.println("[devstack] could not stop " + resource.getClass().getSimpleName() + ": " + e);
            }
        }
    }
}
