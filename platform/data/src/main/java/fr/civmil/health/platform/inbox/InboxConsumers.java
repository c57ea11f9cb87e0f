package fr.civmil.health.platform.inbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.platform.kafka.KafkaClientMeters;
import fr.civmil.health.platform.problem.DatabaseUnreachable;
import fr.civmil.health.platform.supervision.SupervisedWorker;
import fr.civmil.health.platform.supervision.SupervisedWorkers;
import fr.civmil.health.platform.tracing.HttpTracing;
import fr.civmil.health.platform.tracing.Tracing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs one Kafka consumer per {@link InboxHandler}: each record is applied at most once (inbox),
 * retried a bounded number of times, then sent to the dead-letter topic with its reason so the
 * partition keeps flowing. Offsets are committed only after records are applied or dead-lettered.
 * Each consumer is a {@link SupervisedWorker}: whatever fails outside a record (a commit after a
 * rebalance, the broker going away) restarts it with backoff, and its state, lag and last error
 * show in readiness.
 */
@ApplicationScoped
public class InboxConsumers {

    private static final Logger LOG = Logger.getLogger(InboxConsumers.class);

    private final Instance<InboxHandler> handlers;
    private final InboxTransactions transactions;
    private final InboxConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final String bootstrapServers;
    private final String applicationName;
    private final SupervisedWorkers workers;
    private final String instanceId;
    private final Tracing tracing;
    private final KafkaClientMeters kafkaMeters;
    private final List<Worker> consumers = new ArrayList<>();
    private KafkaProducer<String, byte[]> deadLetters;

    public InboxConsumers(@Any Instance<InboxHandler> handlers, InboxTransactions transactions, InboxConfig config,
            ObjectMapper mapper, MeterRegistry registry, SupervisedWorkers workers, Tracing tracing, KafkaClientMeters kafkaMeters,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.handlers = handlers;
        this.transactions = transactions;
        this.config = config;
        this.mapper = mapper;
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
        this.workers = workers;
        this.tracing = tracing;
        this.kafkaMeters = kafkaMeters;
        this.instanceId = config.instanceId().orElseGet(() -> hostName() + "-" + httpPort);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || handlers.isUnsatisfied()) {
            return;
        }
        deadLetters = kafkaMeters.bind(new KafkaProducer<>(producerConfig()));
        for (InboxHandler handler : handlers) {
            Worker worker = new Worker(handler);
            consumers.add(worker);
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        consumers.forEach(Worker::stop);
        if (deadLetters != null) {
            kafkaMeters.unbind(deadLetters);
            deadLetters.close(Duration.ofSeconds(2));
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-dead-letters");
        return props;
    }

    private final class Worker {

        private final InboxHandler handler;
        private final String group;
        /** Records not yet applied, per topic; null until the consumer knows its partitions' ends. */
        private final Map<String, Long> lagByTopic = new ConcurrentHashMap<>();
        private SupervisedWorker supervised;

        Worker(InboxHandler handler) {
            this.handler = handler;
            this.group = applicationName + "." + handler.name();
        }

        void start() {
            supervised = workers.start("inbox-" + handler.name(), this::run);
            for (String topic : handler.topics()) {
                // NaN until the consumer knows its partitions' ends.
                Gauge.builder("civmil.inbox.lag", lagByTopic, lags -> {
                    Long lag = lags.get(topic);
                    return lag == null ? Double.NaN : lag;
                }).tags("consumer", handler.name(), "topic", topic, "group", group)
                        .description("Records on the consumer's partitions of the topic not yet applied").register(registry);
            }
        }

        void stop() {
            supervised.stop(Duration.ofSeconds(5));
        }

        private Map<String, Object> consumerConfig() {
            Map<String, Object> props = new HashMap<>();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "." + handler.name());
            props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis());
            props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, config.sessionTimeout().toMillis() / 4));
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            return props;
        }

        /** One life of the consumer: returns when the service stops; anything thrown restarts it. */
        private void run(SupervisedWorker self) throws Exception {
            KafkaConsumer<String, byte[]> consumer = kafkaMeters.bind(new KafkaConsumer<>(consumerConfig()));
            self.wakeUpWith(consumer::wakeup);
            AtomicBoolean joined = new AtomicBoolean();
            try {
                consumer.subscribe(handler.topics(), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        joined.set(true);
                    }

                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        // offsets are committed after each poll: nothing pending to hand over
                    }
                });
                while (self.running()) {
                    int applied = pollOnce(consumer, self);
                    Long lag = joined.get() ? lag(consumer) : null;
                    self.lag(lag);
                    // Healthy means progress: records committed, or nothing left to read. An empty poll
                    // alone proves nothing (a consumer restarted after a crash polls nothing at first).
                    if (applied > 0 || applied == 0 && Long.valueOf(0).equals(lag)) {
                        self.healthy();
                    }
                }
            } catch (WakeupException e) {
                if (self.running()) {
                    throw e;
                }
            } finally {
                boolean stopping = !self.running();
                Thread.interrupted(); // a stop may have interrupted a wait; closing must still talk to the broker
                kafkaMeters.unbind(consumer);
                // A static member stays in its group when it closes unless told to leave: a clean
                // stop hands its partitions over at once; a failed life keeps them for the next one.
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)).withGroupMembershipOperation(
                        stopping ? GroupMembershipOperation.LEAVE_GROUP : GroupMembershipOperation.REMAIN_IN_GROUP));
            }
        }

        /** Applies and commits one poll's records: how many, or -1 when one could not be taken (read again next time). */
        private int pollOnce(KafkaConsumer<String, byte[]> consumer, SupervisedWorker self) throws Exception {
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            Set<TopicPartition> rewound = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (rewound.contains(partition)) {
                    continue; // read again from the failed record at the next poll
                }
                try {
                    apply(record);
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (Exception e) {
                    // The database is away, or not even the dead-letter topic took it (broker down): read it again later.
                    LOG.warnf("Inbox %s could not process %s-%d@%d: %s", handler.name(), record.topic(),
                            record.partition(), record.offset(), e.getMessage());
                    self.failing(e);
                    consumer.seek(partition, record.offset());
                    rewound.add(partition);
                    Thread.sleep(1000);
                }
            }
            if (!done.isEmpty()) {
                consumer.commitSync(done);
            }
            return rewound.isEmpty() ? done.size() : -1;
        }

        /** The total lag, also kept per topic for the gauges; null while a partition's end is unknown. */
        private Long lag(KafkaConsumer<String, byte[]> consumer) {
            Map<String, Long> byTopic = new HashMap<>();
            handler.topics().forEach(topic -> byTopic.put(topic, 0L));
            for (TopicPartition partition : consumer.assignment()) {
                OptionalLong lag = consumer.currentLag(partition);
                if (lag.isEmpty()) {
                    return null;
                }
                byTopic.merge(partition.topic(), lag.getAsLong(), Long::sum);
            }
            lagByTopic.putAll(byTopic);
            return byTopic.values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * Applies a record with bounded retries, or dead-letters it; throws when the database cannot be reached (no
         * attempt counts then) or the dead-letter topic does not take the record.
         */
        private void apply(ConsumerRecord<String, byte[]> record) throws Exception {
            CloudEvent event;
            try {
                event = CloudEvent.parse(mapper, record.value(), record.key());
            } catch (RuntimeException e) {
                deadLetter(record, "not a CloudEvent: " + e.getMessage());
                return;
            }
            // The event's trace goes on here: what the handler records is published under it in turn.
            Context producer = Tracing.fromTraceparent(event.traceparent());
            Span span = tracing.start("process " + event.type(), SpanKind.CONSUMER, producer,
                    Map.of("messaging.system", "kafka", "messaging.destination.name", record.topic(), "messaging.message.id", event.id(),
                            "messaging.consumer.group.name", group, "cloudevents.event_type", event.type()));
            MDC.put(HttpTracing.TRACE_ID, span.getSpanContext().getTraceId());
            MDC.put(HttpTracing.SPAN_ID, span.getSpanContext().getSpanId());
            try (Scope scope = producer.with(span).makeCurrent()) {
                long backoff = config.retryBackoff().toMillis();
                for (int attempt = 1;; attempt++) {
                    try {
                        InboxTransactions.Outcome outcome = transactions.processOnce(handler, event);
                        span.setAttribute("civmil.inbox.outcome", outcome.name().toLowerCase(Locale.ROOT));
                        registry.counter("civmil.inbox.events", "consumer", handler.name(), "outcome",
                                outcome.name().toLowerCase(Locale.ROOT)).increment();
                        return;
                    } catch (Exception e) {
                        registry.counter("civmil.inbox.failures", "consumer", handler.name()).increment();
                        if (DatabaseUnreachable.causeOf(e) != null) {
                            span.setStatus(StatusCode.ERROR, "database unreachable");
                            throw e; // the database is away, not the event at fault: read it again once it is back
                        }
                        if (attempt >= config.maxAttempts()) {
                            span.setStatus(StatusCode.ERROR, "dead-lettered");
                            deadLetter(record, "failed " + attempt + " times: " + rootMessage(e));
                            return;
                        }
                        Thread.sleep(backoff);
                        backoff *= 2;
                    }
                }
            } finally {
                span.end();
                MDC.remove(HttpTracing.TRACE_ID);
                MDC.remove(HttpTracing.SPAN_ID);
            }
        }

        private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) throws Exception {
            LOG.warnf("Inbox %s dead-letters %s-%d@%d: %s", handler.name(), record.topic(), record.partition(),
                    record.offset(), reason);
            ProducerRecord<String, byte[]> dead = new ProducerRecord<>(record.topic() + config.deadLetterSuffix(), null,
                    record.key(), record.value(), record.headers());
            dead.headers().add("civmil-dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
            dead.headers().add("civmil-dlt-consumer", handler.name().getBytes(StandardCharsets.UTF_8));
            dead.headers().add("civmil-dlt-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
            dead.headers().add("civmil-dlt-original-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
            dead.headers().add("civmil-dlt-original-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
            deadLetters.send(dead).get();
            registry.counter("civmil.inbox.events", "consumer", handler.name(), "outcome", "dead-lettered").increment();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
