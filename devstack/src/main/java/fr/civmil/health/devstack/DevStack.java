package fr.civmil.health.devstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local run: PostgreSQL, Kafka and the dev issuer in this JVM, the four services as separate
 * processes, health checked, then ready-to-paste tokens. Ctrl-C stops everything.
 */
public final class DevStack {

    /** A service of the suite, its module folder, HTTP port and database. */
    record Service(String name, String module, int port, String database) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("zones-service", "zones-service", 8081, "zones"),
            new Service("partnership-service", "partnership-service", 8082, "partnership"),
            new Service("referral-network-service", "referral-network-service", 8083, "referral"),
            new Service("gateway", "gateway", 8080, "gateway"));

    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 19092;
    static final int ISSUER_PORT = 8090;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path root;
    private final List<Process> processes = new ArrayList<>();
    private PostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private DevIssuer issuer;
    private FileChannel lockChannel;
    private FileLock lock;
    private volatile boolean stopping;

    private DevStack(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        DevStack stack = new DevStack(root);
        if (!stack.acquireLock()) {
            System.err.println("CivMil Health is already running from " + root
                    + " (gateway http://localhost:8080). Stop it with Ctrl-C in its terminal first.");
            System.exit(2);
        }
        List<String> busy = new ArrayList<>();
        for (int port : requiredPorts()) {
            if (Ports.inUse(port)) {
                busy.add(String.valueOf(port));
            }
        }
        if (!busy.isEmpty()) {
            System.err.println("Cannot start CivMil Health: port(s) " + String.join(", ", busy)
                    + " already in use by another program. Free them and run again.");
            stack.releaseLock();
            System.exit(2);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "civmil-devstack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("CivMil Health did not start: " + e.getMessage());
            System.exit(1);
        }
        stack.watch();
    }

    private static List<Integer> requiredPorts() {
        List<Integer> ports = new ArrayList<>();
        SERVICES.forEach(s -> ports.add(s.port()));
        ports.add(ISSUER_PORT);
        if (ExternalPostgres.fromEnvironment(System.getenv()) == null) {
            ports.add(POSTGRES_PORT);
        }
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null) {
            ports.add(KAFKA_PORT);
        }
        return ports;
    }

    private boolean acquireLock() throws IOException {
        Path lockFile = root.resolve("devstack/target/devstack.lock");
        Files.createDirectories(lockFile.getParent());
        lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.tryLock();
        return lock != null;
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // The OS releases it with the process anyway.
        }
    }

    private void start() throws Exception {
        long started = System.nanoTime();
        Map<String, String> env = System.getenv();
        postgres = ExternalPostgres.fromEnvironment(env);
        if (postgres == null) {
            say("Starting PostgreSQL (embedded) on port " + POSTGRES_PORT);
            postgres = EmbeddedDatabase.start(POSTGRES_PORT, root.resolve("devstack/target/embedded-pg"));
        }
        String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            say("Starting Kafka (embedded KRaft broker) on port " + KAFKA_PORT);
            kafka = EmbeddedKafkaBroker.start(KAFKA_PORT);
            bootstrap = kafka.bootstrapServers();
        }
        issuer = DevIssuer.start(ISSUER_PORT);
        Path logs = root.resolve("devstack/target/run-logs");
        Files.createDirectories(logs);
        for (Service service : SERVICES) {
            postgres.createDatabase(service.database());
            processes.add(launch(service, bootstrap, logs));
        }
        say("Waiting for the services to report UP (logs in " + root.relativize(logs) + ")");
        awaitReady(logs);
        printBanner(Duration.ofNanos(System.nanoTime() - started));
    }

    private Process launch(Service service, String bootstrap, Path logs) throws IOException {
        Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + service.port(),
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(service.database()),
                "-Dquarkus.datasource.username=" + postgres.username(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dmp.jwt.verify.publickey.location=" + issuer.jwksUrl(),
                "-Dmp.jwt.verify.issuer=" + issuer.issuer(),
                "-Dcivmil.demo-data.enabled=true",
                "-Dcivmil.parent-pid=" + ProcessHandle.current().pid()));
        for (Service upstream : SERVICES) {
            command.add("-Dcivmil.upstream." + upstream.name() + "=http://127.0.0.1:" + upstream.port());
        }
        command.add("-jar");
        command.add(jar.toString());
        File log = logs.resolve(service.name() + ".log").toFile();
        return new ProcessBuilder(command)
                .directory(root.resolve(service.module()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private void awaitReady(Path logs) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (int i = 0; i < SERVICES.size(); i++) {
            Service service = SERVICES.get(i);
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            while (true) {
                if (!processes.get(i).isAlive()) {
                    throw new IOException(service.name() + " exited; see " + logs.resolve(service.name() + ".log"));
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        say("  " + service.name() + " UP on http://localhost:" + service.port());
                        break;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(service.name() + " not ready after " + READY_TIMEOUT.toSeconds()
                            + " s; see " + logs.resolve(service.name() + ".log"));
                }
                Thread.sleep(200);
            }
        }
    }

    private void printBanner(Duration took) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : DevIssuer.ROLES) {
            tokens.put(role, issuer.tokenFor(role, Duration.ofHours(12)));
        }
        StringBuilder out = new StringBuilder();
        out.append("\nCivMil Health is up (").append(took.toMillis() / 1000.0).append(" s).\n\n");
        out.append("  Gateway            http://localhost:8080\n");
        out.append("  API documentation  http://localhost:8080/api-docs  (Swagger UI: /q/swagger-ui)\n");
        out.append("  Health             http://localhost:8080/q/health\n");
        for (Service service : SERVICES) {
            if (!service.name().equals("gateway")) {
                out.append(String.format("  %-18s http://localhost:%d  (OpenAPI: /q/openapi)%n", service.name(), service.port()));
            }
        }
        out.append("  Token issuer       ").append(issuer.issuer()).append("\n\n");
        out.append("Bearer tokens (valid 12 h), one per role:\n");
        tokens.forEach((role, token) -> out.append("\n  ").append(role.toUpperCase()).append("_TOKEN=").append(token).append('\n'));
        out.append("\nExample (paste a token line above with 'export ' in front first):\n"
                + "  curl -H \"Authorization: Bearer $ARS_TOKEN\" 'http://localhost:8080/api/v1/priority-zones/summary?region=76&campaign=pacte-2025'\n");
        out.append("\nPress Ctrl-C to stop everything.\n");
        System.out.println(out);
    }

    /** Keeps the stack up; reports a service that dies. */
    private void watch() throws InterruptedException {
        boolean[] reported = new boolean[processes.size()];
        while (!stopping) {
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).isAlive() && !reported[i] && !stopping) {
                    reported[i] = true;
                    say(SERVICES.get(i).name() + " stopped unexpectedly (exit " + processes.get(i).exitValue()
                            + "); see devstack/target/run-logs/" + SERVICES.get(i).name() + ".log");
                }
            }
            Thread.sleep(1000);
        }
    }

    private synchronized void stop() {
        stopping = true;
        say("Stopping CivMil Health...");
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
        if (issuer != null) {
            issuer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        releaseLock();
        say("Stopped.");
    }

    private static void say(String line) {
        System.out.println("[civmil] " + line);
        System.out.flush();
    }
}
