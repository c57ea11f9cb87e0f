package fr.civmil.health.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerConfig;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs one Kafka consumer per {@link InboxHandler}: each record is applied at most once (inbox),
 * retried a bounded number of times, then sent to the dead-letter topic with its reason so the
 * partition keeps flowing. Offsets are committed only after records are applied or dead-lettered.
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
    private final List<Worker> workers = new ArrayList<>();
    private KafkaProducer<String, byte[]> deadLetters;

    public InboxConsumers(@Any Instance<InboxHandler> handlers, InboxTransactions transactions, InboxConfig config,
            ObjectMapper mapper, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.handlers = handlers;
        this.transactions = transactions;
        this.config = config;
        this.mapper = mapper;
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || handlers.isUnsatisfied()) {
            return;
        }
        deadLetters = new KafkaProducer<>(producerConfig());
        for (InboxHandler handler : handlers) {
            Worker worker = new Worker(handler);
            workers.add(worker);
            worker.thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        workers.forEach(Worker::stop);
        if (deadLetters != null) {
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
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        Worker(InboxHandler handler) {
            this.handler = handler;
            Map<String, Object> props = new HashMap<>();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, applicationName + "." + handler.name());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            this.consumer = new KafkaConsumer<>(props);
            this.thread = new Thread(this::run, "inbox-" + handler.name());
            this.thread.setDaemon(true);
        }

        void stop() {
            running = false;
            consumer.wakeup();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            try {
                consumer.subscribe(handler.topics());
                while (running) {
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
                            // Not even the dead-letter topic took it (broker down): read it again later.
                            LOG.warnf("Inbox %s could not process %s-%d@%d: %s", handler.name(), record.topic(),
                                    record.partition(), record.offset(), e.getMessage());
                            consumer.seek(partition, record.offset());
                            rewound.add(partition);
                            Thread.sleep(1000);
                        }
                    }
                    if (!done.isEmpty()) {
                        consumer.commitSync(done);
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (Exception e) {
                LOG.errorf(e, "Inbox %s stopped", handler.name());
            } finally {
                consumer.close(Duration.ofSeconds(2));
            }
        }

        /** Applies a record with bounded retries, or dead-letters it; throws only if that fails too. */
        private void apply(ConsumerRecord<String, byte[]> record) throws Exception {
            CloudEvent event;
            try {
                event = CloudEvent.parse(mapper, record.value(), record.key());
            } catch (RuntimeException e) {
                deadLetter(record, "not a CloudEvent: " + e.getMessage());
                return;
            }
            long backoff = config.retryBackoff().toMillis();
            for (int attempt = 1;; attempt++) {
                try {
                    boolean applied = transactions.processOnce(handler, event);
                    registry.counter("civmil.inbox.events", "consumer", handler.name(), "outcome",
                            applied ? "applied" : "duplicate").increment();
                    return;
                } catch (Exception e) {
                    if (attempt >= config.maxAttempts()) {
                        deadLetter(record, "failed " + attempt + " times: " + rootMessage(e));
                        return;
                    }
                    Thread.sleep(backoff);
                    backoff *= 2;
                }
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
