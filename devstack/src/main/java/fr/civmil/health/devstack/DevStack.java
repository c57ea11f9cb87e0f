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
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * The whole suite on one machine: PostgreSQL, Kafka and the dev issuer in this JVM, the four services
 * as separate processes of the repository's build, health checked. {@link #main} is the local run
 * (fixed ports, ready-to-paste tokens, Ctrl-C stops everything); {@link #start} gives tests the same
 * stack on free ports.
 */
public final class DevStack implements AutoCloseable {

    private static final HttpClient CALLS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A service of the suite, its module folder and database. */
    record Service(String name, String module, String database) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("zones-service", "zones-service", "zones"),
            new Service("partnership-service", "partnership-service", "partnership"),
            new Service("referral-network-service", "referral-network-service", "referral"),
            new Service("gateway", "gateway", "gateway"));

    /**
     * Where the stack listens: a port per instance of each service (one gateway; as many instances of the
     * others as replicas asked), and one for its management interface (health, metrics). 0 for the issuer,
     * PostgreSQL or Kafka lets each pick a free port itself; services need theirs before they start, since the
     * gateway is told its upstreams.
     */
    public record Layout(Map<String, List<Integer>> servicePorts, Map<String, List<Integer>> managementPorts, int issuer, int postgres,
            int kafka) {

        private static final Map<String, Integer> LOCAL_PORTS = Map.of("zones-service", 8081, "partnership-service", 8082,
                "referral-network-service", 8083, "gateway", 8080);

        /**
         * The local run's ports, documented in the README: replica k of a service on its port + 100 × (k − 1), its
         * management interface 1000 above.
         */
        public static Layout localRun(int replicas) {
            return new Layout(ports(replicas, service -> LOCAL_PORTS.get(service.name()), 100),
                    ports(replicas, service -> LOCAL_PORTS.get(service.name()) + 1000, 100), 8090, 15432, 19092);
        }

        /** Free ports, so that a test stack never clashes with the local run or another test JVM. */
        public static Layout freePorts() {
            return freePorts(1);
        }

        public static Layout freePorts(int replicas) {
            return new Layout(ports(replicas, service -> Ports.free(), 0), ports(replicas, service -> Ports.free(), 0), 0, 0, 0);
        }

        private static Map<String, List<Integer>> ports(int replicas, ToIntFunction<Service> first, int step) {
            Map<String, List<Integer>> ports = new LinkedHashMap<>();
            for (Service service : SERVICES) {
                List<Integer> list = new ArrayList<>();
                int count = service.name().equals("gateway") ? 1 : replicas;
                for (int k = 0; k < count; k++) {
                    list.add(step > 0 ? first.applyAsInt(service) + step * k : first.applyAsInt(service));
                }
                ports.put(service.name(), List.copyOf(list));
            }
            return ports;
        }

        int port(Service service) {
            return servicePorts.get(service.name()).get(0);
        }

        private static List<String> urls(List<Integer> ports) {
            return ports.stream().map(port -> "http://127.0.0.1:" + port).toList();
        }
    }

    /** One process of a service: replica 1, 2, ... on its own port, with its own log. */
    private static final class Instance {

        final Service service;
        final int replica;
        final int port;
        final int managementPort;
        Process process;

        Instance(Service service, int replica, int port, int managementPort) {
            this.service = service;
            this.replica = replica;
            this.port = port;
            this.managementPort = managementPort;
        }

        /** {@code zones-service} for the first replica, {@code zones-service-2} for the second... */
        String name() {
            return replica == 1 ? service.name() : service.name() + "-" + replica;
        }
    }

    /** The région of the second ARS token the banner prints, to try the regional scope with. */
    static final String OTHER_REGION = "11";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path root;
    private final Layout layout;
    private final Path logs;
    private final List<Instance> instances = new ArrayList<>();
    private PostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private DevIssuer issuer;
    /** Test stacks collect every span their services export; the local run exports where CIVMIL_TRACING_OTLP_ENDPOINT says. */
    private final boolean collectTraces;
    private TraceCollector traces;
    private FileChannel lockChannel;
    private FileLock lock;
    private volatile boolean stopping;
    private String bootstrap;

    private DevStack(Path root, Layout layout, Path logs, boolean collectTraces) {
        this.root = root;
        this.layout = layout;
        this.logs = logs;
        this.collectTraces = collectTraces;
    }

    /**
     * Starts the stack from the repository at {@code root} (built: each service's target/quarkus-app),
     * service logs in {@code logs}, and returns once every service is ready; stops what started on failure.
     */
    public static DevStack start(Path root, Layout layout, Path logs) throws Exception {
        return start(root, layout, logs, false);
    }

    private static DevStack start(Path root, Layout layout, Path logs, boolean collectTraces) throws Exception {
        DevStack stack = new DevStack(root, layout, logs, collectTraces);
        try {
            stack.start();
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /**
     * A stack on free ports ({@code replicas} instances of each service). Free ports are chosen before the services
     * bind them, so another process may take one meanwhile: a failed start is said, then tried once more on new
     * ports (logs in {@code logs} then {@code logs-retry}); a second failure is the stack's own.
     */
    public static DevStack startOnFreePorts(Path root, int replicas, Path logs) throws Exception {
        try {
            return start(root, Layout.freePorts(replicas), logs, true);
        } catch (Exception first) {
            say("The dev stack did not start; once more on new ports. Why: " + first.getMessage());
            try {
                return start(root, Layout.freePorts(replicas), logs.resolveSibling(logs.getFileName() + "-retry"), true);
            } catch (Exception second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    /** The spans the services exported, for a stack started on free ports. */
    public TraceCollector traces() {
        if (traces == null) {
            throw new IllegalStateException("only stacks started on free ports collect traces");
        }
        return traces;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + layout.port(service("gateway"));
    }

    /** A bearer token of the dev issuer for a client holding one role (subject {@code dev-<role>}). */
    public String token(String role, Duration ttl) {
        return issuer.tokenFor(role, ttl);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int replicas = replicas(args);
        Layout layout = Layout.localRun(replicas);
        Path logs = root.resolve("devstack/target/run-logs");
        logInfrastructureTo(logs);
        DevStack stack = new DevStack(root, layout, logs, false);
        if (!stack.acquireLock()) {
            System.err.println("CivMil Health is already running from " + root
                    + " (gateway http://localhost:8080). Stop it with Ctrl-C in its terminal first.");
            System.exit(2);
        }
        List<String> busy = new ArrayList<>();
        for (int port : requiredPorts(layout)) {
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stack.releaseLock();
        }, "civmil-devstack-stop"));
        long started = System.nanoTime();
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("CivMil Health did not start: " + e.getMessage());
            System.exit(1);
        }
        stack.printBanner(Duration.ofNanos(System.nanoTime() - started));
        stack.watch();
    }

    /** {@code --replicas N} (1 to 5): instances of each service behind the gateway; 1 without it. */
    static int replicas(String[] args) {
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        if (options.isEmpty()) {
            return 1;
        }
        if (options.size() == 2 && options.get(0).equals("--replicas") && options.get(1).matches("[1-5]")) {
            return Integer.parseInt(options.get(1));
        }
        System.err.println("Usage: ./run.sh [--replicas N]   (N from 1 to 5: instances of each service behind the gateway)");
        System.exit(2);
        return 1;
    }

    private static List<Integer> requiredPorts(Layout local) {
        List<Integer> ports = new ArrayList<>();
        local.servicePorts().values().forEach(ports::addAll);
        local.managementPorts().values().forEach(ports::addAll);
        ports.add(local.issuer());
        if (ExternalPostgres.fromEnvironment(System.getenv()) == null) {
            ports.add(local.postgres());
        }
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null) {
            ports.add(local.kafka());
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
        Map<String, String> env = System.getenv();
        bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        CompletableFuture<EmbeddedKafkaBroker> broker = null;
        if (bootstrap == null || bootstrap.isBlank()) {
            // The broker starts beside PostgreSQL and the services (a third of the suite's start when it came first):
            // their clients connect once it listens, and they report ready only once it answers.
            say("Starting Kafka (embedded KRaft broker)");
            int port = layout.kafka() == 0 ? Ports.free() : layout.kafka();
            bootstrap = EmbeddedKafkaBroker.bootstrapServers(port);
            broker = CompletableFuture.supplyAsync(() -> {
                try {
                    return EmbeddedKafkaBroker.start(port);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
        }
        try {
            startDatabaseAndServices(env);
        } catch (Exception e) {
            // The broker is still the stack's to stop; the first failure stays the one reported.
            if (broker != null) {
                try {
                    kafka = started(broker);
                } catch (Exception brokerFailure) {
                    e.addSuppressed(brokerFailure);
                }
            }
            throw e;
        }
        if (broker != null) {
            kafka = started(broker);
        }
        awaitServices();
    }

    /** The broker started aside, or why it did not. */
    private static EmbeddedKafkaBroker started(CompletableFuture<EmbeddedKafkaBroker> broker) throws Exception {
        try {
            return broker.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** PostgreSQL, the token issuer, the services' databases, then the first replica of each service launched. */
    private void startDatabaseAndServices(Map<String, String> env) throws Exception {
        postgres = ExternalPostgres.fromEnvironment(env);
        if (postgres == null) {
            say("Starting PostgreSQL (embedded)");
            postgres = EmbeddedDatabase.start(layout.postgres(), root.resolve("devstack/target/embedded-pg"));
        }
        issuer = DevIssuer.start(layout.issuer());
        if (collectTraces) {
            traces = TraceCollector.start();
        }
        Files.createDirectories(logs);
        for (Service service : SERVICES) {
            postgres.createDatabase(service.database());
            List<Integer> ports = layout.servicePorts().get(service.name());
            for (int k = 0; k < ports.size(); k++) {
                instances.add(new Instance(service, k + 1, ports.get(k), layout.managementPorts().get(service.name()).get(k)));
            }
        }
        // First replicas first (the others once these are ready): the first loads the demo data and migrates its
        // database, alone.
        for (Instance instance : instances) {
            Files.deleteIfExists(log(instance)); // a restart appends; a run starts afresh
            if (instance.replica == 1) {
                instance.process = launch(instance);
            }
        }
    }

    private void awaitServices() throws Exception {
        List<Instance> first = instances.stream().filter(i -> i.replica == 1).toList();
        List<Instance> others = instances.stream().filter(i -> i.replica > 1).toList();
        say("Waiting for the services to report UP (logs in " + logs + ")");
        awaitReady(first);
        if (!others.isEmpty()) {
            for (Instance instance : others) {
                instance.process = launch(instance);
            }
            say("Waiting for the other replicas");
            awaitReady(others);
        }
    }

    private Path log(Instance instance) {
        return logs.resolve(instance.name() + ".log");
    }

    private Process launch(Instance instance) throws IOException {
        Service service = instance.service;
        Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + instance.port,
                "-Dquarkus.management.port=" + instance.managementPort,
                // The production profile's JSON lines are for collectors; the local run's logs are read by people.
                "-Dquarkus.log.console.json.enabled=false",
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(service.database()),
                "-Dquarkus.datasource.username=" + postgres.username(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dmp.jwt.verify.publickey.location=" + issuer.jwksUrl(),
                "-Dmp.jwt.verify.issuer=" + issuer.issuer(),
                "-Dcivmil.demo-data.enabled=" + (instance.replica == 1),
                "-Dcivmil.parent-pid=" + ProcessHandle.current().pid()));
        if (traces != null) {
            command.add("-Dcivmil.tracing.otlp-endpoint=" + traces.endpoint());
            command.add("-Dcivmil.tracing.export-delay=100ms");
        }
        for (Service upstream : SERVICES) {
            command.add("-Dcivmil.upstream." + upstream.name() + "=" + String.join(",", Layout.urls(layout.servicePorts().get(upstream.name()))));
            command.add("-Dcivmil.upstream." + upstream.name() + "-management="
                    + String.join(",", Layout.urls(layout.managementPorts().get(upstream.name()))));
        }
        command.add("-jar");
        command.add(jar.toString());
        File log = log(instance).toFile();
        return new ProcessBuilder(command)
                .directory(root.resolve(service.module()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
    }

    /** The last lines of a log, so that a failed start says why where it is reported. */
    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private void awaitReady(List<Instance> starting) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (Instance instance : starting) {
            awaitReady(http, instance, deadline, 200);
            say("  " + instance.name() + " UP on http://localhost:" + instance.port);
        }
    }

    private void awaitReady(HttpClient http, Instance instance, long deadline, long pollMillis) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!instance.process.isAlive()) {
                throw new IOException(instance.name() + " exited; see " + log(instance) + ", which ends with:\n"
                        + tail(log(instance), 20));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(instance.name() + " not ready after " + READY_TIMEOUT.toSeconds()
                        + " s; see " + log(instance));
            }
            Thread.sleep(pollMillis);
        }
    }

    /**
     * Sends the embedded broker's and database's own log lines to {@code infrastructure.log} in {@code logs}, so
     * that the terminal shows only the run's own lines. Must come before anything logs (slf4j-simple reads its
     * settings once).
     */
    public static void logInfrastructureTo(Path logs) throws IOException {
        Files.createDirectories(logs);
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("infrastructure.log").toString());
    }

    /** The base URL of one service of the stack (e.g. {@code zones-service}). */
    public String serviceUrl(String name) {
        return "http://127.0.0.1:" + layout.port(service(name));
    }

    /** The instances of a service, by the names {@link #kill} and {@link #restart} take: first replica first. */
    public List<String> instanceNames(String service) {
        return instances.stream().filter(i -> i.service.name().equals(service)).map(Instance::name).toList();
    }

    /**
     * Calls a service directly (not through the gateway) as the dev user of a role: a body goes as JSON with a fresh
     * Idempotency-Key, {@code ifMatch} (may be null) as If-Match. For benchmarks and fault suites driving real writes.
     */
    public HttpResponse<String> call(String service, String method, String path, String role, String body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serviceUrl(service) + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token(role, Duration.ofHours(1)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return CALLS.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The PostgreSQL server of every service's database. */
    public PostgresServer database() {
        return postgres;
    }

    /** The stack's Kafka bootstrap servers. */
    public String kafkaBootstrapServers() {
        return bootstrap;
    }

    /**
     * Kills one instance at once (SIGKILL), as a crash or an OOM killer would: no shutdown hook runs. The name is
     * the service's for its first replica ({@code zones-service}), with the replica number after for the others
     * ({@code zones-service-2}).
     */
    public synchronized void kill(String name) throws InterruptedException {
        Process process = instance(name).process;
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Starts a killed service again with the same command line (its log is appended to) and returns the
     * {@link System#nanoTime()} at which it first answered ready, polled every 10 ms.
     */
    public long restart(String name) throws Exception {
        Instance instance;
        synchronized (this) { // launched under the lock; awaited outside it, so that replicas restart side by side
            instance = instance(name);
            if (instance.process.isAlive()) {
                throw new IllegalStateException(name + " is still running");
            }
            instance.process = launch(instance);
        }
        awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(), instance,
                System.nanoTime() + READY_TIMEOUT.toNanos(), 10);
        return System.nanoTime();
    }

    /** Stops the embedded broker, keeping its data (refused when the stack uses an external one). */
    public void stopBroker() {
        requireEmbedded(kafka != null);
        kafka.stop();
    }

    /** Starts the embedded broker again on the same port and data; returns once it answers. */
    public void startBroker() throws Exception {
        requireEmbedded(kafka != null);
        kafka.restart();
    }

    /** Restarts the embedded PostgreSQL, down for {@code down}; returns once it accepts connections again. */
    public void restartDatabase(Duration down) throws Exception {
        requireEmbedded(postgres instanceof EmbeddedDatabase);
        ((EmbeddedDatabase) postgres).restart(down);
    }

    private static void requireEmbedded(boolean embedded) {
        if (!embedded) {
            throw new IllegalStateException("only the embedded broker and database can be stopped from here");
        }
    }

    private Instance instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instance " + name));
    }

    private static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    private void printBanner(Duration took) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : DevIssuer.ROLES) {
            tokens.put(role, issuer.tokenFor(role, Duration.ofHours(12)));
        }
        tokens.put("ars_idf", issuer.arsTokenFor(OTHER_REGION, Duration.ofHours(12)));
        StringBuilder out = new StringBuilder();
        out.append("\nCivMil Health is up (").append(took.toMillis() / 1000.0).append(" s).\n\n");
        out.append("  Gateway            http://localhost:8080\n");
        out.append("  API documentation  http://localhost:8080/api-docs  (Swagger UI: /q/swagger-ui)\n");
        out.append("  Health, metrics    http://localhost:9080/q/health, /q/metrics (each service: its port + 1000)\n");
        for (Instance instance : instances) {
            if (!instance.service.name().equals("gateway")) {
                out.append(String.format("  %-18s http://localhost:%d  (OpenAPI: /q/openapi)%n", instance.name(), instance.port));
            }
        }
        out.append("  Token issuer       ").append(issuer.issuer()).append("\n\n");
        out.append("Bearer tokens (valid 12 h), one per role; ARS_TOKEN acts for Occitanie (76), ARS_IDF_TOKEN for Île-de-France (11):\n");
        tokens.forEach((role, token) -> out.append("\n  ").append(role.toUpperCase()).append("_TOKEN=").append(token).append('\n'));
        out.append("\nExample (paste a token line above with 'export ' in front first):\n"
                + "  curl -H \"Authorization: Bearer $ARS_TOKEN\" 'http://localhost:8080/api/v1/priority-zones/summary?region=76&campaign=pacte-2025'\n");
        out.append("\nPress Ctrl-C to stop everything.\n");
        System.out.println(out);
    }

    /** Keeps the stack up; reports a service that dies. */
    private void watch() throws InterruptedException {
        boolean[] reported = new boolean[instances.size()];
        while (!stopping) {
            for (int i = 0; i < instances.size(); i++) {
                Instance instance = instances.get(i);
                if (!instance.process.isAlive() && !reported[i] && !stopping) {
                    reported[i] = true;
                    say(instance.name() + " stopped unexpectedly (exit " + instance.process.exitValue() + "); see " + log(instance));
                }
            }
            Thread.sleep(1000);
        }
    }

    /** Stops the services (SIGTERM, then SIGKILL after 10 s), the issuer, the broker and the database. */
    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        say("Stopping CivMil Health...");
        List<Process> processes = instances.stream().map(i -> i.process).filter(Objects::nonNull).toList();
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
        if (traces != null) {
            traces.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        say("Stopped.");
    }

    private static void say(String line) {
        System.out.println("[civmil] " + line);
        System.out.flush();
    }
}
