package fr.civmil.health.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running in this JVM.
 * It can be stopped and started again on the same port and log directory, which the tests
 * use to prove that nothing committed is lost while the broker is down.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final KafkaConfig config;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDir, int port, KafkaConfig config) {
        this.logDir = logDir;
        this.port = port;
        this.config = config;
    }

    /** Formats a fresh log directory and starts the broker; port 0 picks a free port. */
    public static EmbeddedKafkaBroker start(int port) throws Exception {
        int brokerPort = port == 0 ? Ports.free() : port;
        int controllerPort = Ports.free();
        Path logDir = Files.createTempDirectory("civmil-kafka-");
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The default dedupe buffer takes 128 MiB of heap; a dev broker needs none of it.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        KafkaConfig config = new KafkaConfig(props, false);

        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, brokerPort, config);
            broker.startServer();
            return broker;
        } catch (Exception | Error e) {
            Files2.deleteRecursively(logDir);
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers(port);
    }

    /** Where clients reach a broker started on {@code port}, known before it starts. */
    public static String bootstrapServers(int port) {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the broker again on the same port and log directory after {@link #stop()}. */
    public synchronized void restart() throws Exception {
        if (server == null) {
            startServer();
        }
    }

    /** Stops the broker, keeping its data, so that {@link #restart()} brings the same topics back. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        Files2.deleteRecursively(logDir);
    }

    private synchronized void startServer() throws Exception {
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        awaitReady();
    }

    private void awaitReady() throws Exception {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("Kafka broker did not become ready on " + bootstrapServers(), e);
                    }
                }
                Thread.sleep(50);
            }
        }
    }
}
