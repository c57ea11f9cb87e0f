package fr.civmil.health.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import fr.civmil.health.platform.persistence.ChannelListener;
import fr.civmil.health.platform.supervision.SupervisedWorker;
import fr.civmil.health.platform.supervision.SupervisedWorkers;
import fr.civmil.health.platform.kafka.KafkaClientMeters;
import fr.civmil.health.platform.tracing.Tracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes committed outbox rows to Kafka as structured CloudEvents (key = aggregate id).
 * <ul>
 * <li>Woken by PostgreSQL {@code LISTEN/NOTIFY} at commit, with a slow safety poll.</li>
 * <li>Several relays (replicas or workers) claim rows with {@code FOR UPDATE SKIP LOCKED}; an
 * advisory lock per aggregate keeps each aggregate with one relay at a time, so its events stay
 * in order.</li>
 * <li>Each worker is a {@link SupervisedWorker} with its own producer: restarted after any failure,
 * and not ready once it has failed for longer than the supervision allows.</li>
 * <li>Rows are marked published only once the broker acknowledged them; a broker outage rolls the
 * claim back and the rows wait, with backoff, until it returns. Delivery is at least once:
 * consumers de-duplicate by event id.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The oldest unpublished rows, then those whose aggregate this relay can lock. The advisory lock
     * is only tried on a bounded set of candidates: evaluated over a whole backlog it would take one
     * lock per aggregate and exhaust PostgreSQL's lock table.
     */
    private static final String CLAIM = """
            with candidate as materialized (
                select seq, aggregate_id from outbox_event
                where published_at is null
                order by seq
                limit ?)
            select e.seq, e.id, e.aggregate_id, e.type, e.subject, e.payload::text, e.created_at, e.traceparent
            from candidate c join outbox_event e on e.seq = c.seq
            where pg_try_advisory_xact_lock(hashtext('civmil_outbox'), hashtext(c.aggregate_id))
            order by e.seq
            limit ?
            for update of e skip locked""";

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final ObjectMapper mapper;
    private final String bootstrapServers;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private final Timer delay;
    private final SupervisedWorkers workers;
    private final Tracing tracing;
    private final KafkaClientMeters kafkaMeters;
    private final List<SupervisedWorker> relays = new ArrayList<>();
    private ChannelListener listener;

    public OutboxRelay(DataSource dataSource, OutboxConfig config, ObjectMapper mapper, MeterRegistry registry,
            SupervisedWorkers workers, Tracing tracing, KafkaClientMeters kafkaMeters,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.tracing = tracing;
        this.kafkaMeters = kafkaMeters;
        this.workers = workers;
        this.config = config;
        this.mapper = mapper;
        this.bootstrapServers = bootstrapServers;
        this.published = Counter.builder("civmil.outbox.published").description("Events published to Kafka").register(registry);
        this.failures = Counter.builder("civmil.outbox.failures").description("Failed relay attempts").register(registry);
        // Buckets (platform-http's LatencyBuckets), from which any quantile is computed across replicas.
        this.delay = Timer.builder("civmil.outbox.delay").description("From commit to broker acknowledgement").register(registry);
        registry.gauge("civmil.outbox.backlog", backlog);
        Gauge.builder("civmil.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest event not yet published (0 when none)").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        // Woken at the commit of outbox rows; after a lost connection, the workers poll until it is back.
        listener = new ChannelListener("outbox-listener", dataSource, Outbox.CHANNEL, config.pollInterval(),
                new ChannelListener.Listener() {
                    @Override
                    public void connected() {
                        wake.release(config.workers());
                    }

                    @Override
                    public void notified() {
                        wake.release(config.workers());
                    }

                    @Override
                    public void lost(SQLException cause) {
                        LOG.warnf("Outbox listener lost its connection (%s); polling until it is back", cause.getMessage());
                    }
                });
        listener.start();
        for (int i = 0; i < config.workers(); i++) {
            relays.add(workers.start("outbox-relay-" + i, this::relay));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            try {
                listener.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        relays.forEach(relay -> relay.stop(Duration.ofSeconds(5)));
    }

    /** Unpublished events, as last measured. */
    public long backlog() {
        return backlog.get();
    }

    /**
     * One life of a relay worker, with its own producer: a worker whose producer failed starts a
     * fresh one without closing the producer another worker is using.
     */
    private void relay(SupervisedWorker self) throws InterruptedException {
        KafkaProducer<String, byte[]> producer = null;
        long backoffMs = 100;
        try {
            while (self.running()) {
                try {
                    if (producer == null) {
                        producer = newProducer(self.name());
                    }
                    int claimed = drainOnce(producer);
                    backoffMs = 100;
                    self.healthy();
                    if (claimed < config.batchSize()) {
                        wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                        wake.drainPermits();
                    }
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    failures.increment();
                    self.failing(e);
                    LOG.warnf("Outbox relay could not publish (retrying in %d ms): %s", backoffMs, e.getMessage());
                    // Aborted, not flushed: a record after the one that failed must not reach the broker before it
                    // is sent again in order. The next attempt starts with a fresh producer.
                    abort(producer);
                    producer = null;
                    Thread.sleep(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, config.maxBackoff().toMillis());
                }
            }
        } finally {
            close(producer);
        }
    }

    /** Claims, publishes and marks one batch; returns how many rows were published. */
    int drainOnce(KafkaProducer<String, byte[]> producer) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Row> rows = claim(connection);
                if (!rows.isEmpty()) {
                    publish(producer, rows);
                    markPublished(connection, rows);
                }
                connection.commit();
                Instant now = Instant.now();
                for (Row row : rows) {
                    delay.record(Duration.between(row.createdAt(), now));
                }
                published.increment(rows.size());
                return rows.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private record Row(long seq, String id, String aggregateId, String type, String subject, String payload, Instant createdAt,
            String traceparent) {
    }

    private List<Row> claim(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            // Candidates beyond the batch leave room for rows of aggregates another relay holds.
            claim.setInt(1, config.batchSize() * 4);
            claim.setInt(2, config.batchSize());
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)));
                }
            }
        }
        return rows;
    }

    /**
     * Sends a batch and waits for its acknowledgements. An event recorded within a trace is published under a
     * producer span, child of the work that recorded it, whose context it carries (CloudEvents {@code traceparent}).
     */
    private void publish(KafkaProducer<String, byte[]> kafka, List<Row> rows) throws Exception {
        List<Future<?>> acks = new ArrayList<>(rows.size());
        List<Span> spans = new ArrayList<>();
        try {
            for (Row row : rows) {
                String traceparent = null;
                if (row.traceparent() != null) {
                    Span span = tracing.start("publish " + config.topic(), SpanKind.PRODUCER, Tracing.fromTraceparent(row.traceparent()),
                            Map.of("messaging.system", "kafka", "messaging.destination.name", config.topic(), "messaging.message.id",
                                    row.id(), "cloudevents.event_type", row.type()));
                    spans.add(span);
                    traceparent = Tracing.traceparentOf(span.getSpanContext());
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(config.topic(), row.aggregateId(), cloudEvent(row, traceparent));
                record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_id", row.id().getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", row.type().getBytes(StandardCharsets.UTF_8));
                if (traceparent != null) {
                    record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
                }
                acks.add(kafka.send(record));
            }
            long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
            for (Future<?> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (Exception e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.toString()));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private byte[] cloudEvent(Row row, String traceparent) throws Exception {
        ObjectNode event = mapper.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", row.id());
        event.put("source", config.source());
        event.put("type", row.type());
        if (row.subject() != null) {
            event.put("subject", row.subject());
        }
        event.put("time", row.createdAt().toString());
        // CloudEvents sequence extension: the outbox order, by which consumers keep an aggregate's newest state.
        event.put("sequence", String.valueOf(row.seq()));
        if (traceparent != null) {
            event.put("traceparent", traceparent);
        }
        event.put("datacontenttype", "application/json");
        event.putRawValue("data", new RawValue(row.payload()));
        return mapper.writeValueAsBytes(event);
    }

    private void markPublished(Connection connection, List<Row> rows) throws SQLException {
        Long[] seqs = rows.stream().map(Row::seq).toArray(Long[]::new);
        try (PreparedStatement mark = connection.prepareStatement(
                "update outbox_event set published_at = clock_timestamp() where seq = any(?)")) {
            Array array = connection.createArrayOf("bigint", seqs);
            mark.setArray(1, array);
            mark.executeUpdate();
        }
    }

    @Scheduled(every = "5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measureBacklog() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement count = connection.createStatement();
                ResultSet rs = count.executeQuery("""
                        select count(*), coalesce(extract(epoch from clock_timestamp() - min(created_at)), 0)::bigint
                        from outbox_event where published_at is null""")) {
            rs.next();
            backlog.set(rs.getLong(1));
            oldestAgeSeconds.set(rs.getLong(2));
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteOldPublishedRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from outbox_event where published_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.retention().toSeconds());
            delete.executeUpdate();
        }
    }

    private KafkaProducer<String, byte[]> newProducer(String workerName) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        // No record expires inside the producer while the relay waits for its acknowledgement (an expired record
        // lets the next one of its partition through first, out of order): the relay gives up first (ACK_TIMEOUT),
        // aborts the producer, and the rows, still in the outbox, are sent again in order.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.multipliedBy(4).toMillis());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, workerName + "-" + config.topic());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return kafkaMeters.bind(new KafkaProducer<>(props));
    }

    /** Drops what the producer has not sent yet, without waiting. */
    private void abort(KafkaProducer<String, byte[]> producer) {
        if (producer != null) {
            kafkaMeters.unbind(producer);
            producer.close(Duration.ZERO);
        }
    }

    private void close(KafkaProducer<String, byte[]> producer) {
        if (producer != null) {
            Thread.interrupted(); // closing must still flush what the broker can take
            kafkaMeters.unbind(producer);
            producer.close(Duration.ofSeconds(1));
        }
    }
}
