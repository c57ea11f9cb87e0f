package fr.civmil.health.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import fr.civmil.health.devstack.TestInfrastructure;

/** Reads and writes topics of the real broker the way another service would. */
final class TopicProbe {

    private TopicProbe() {
    }

    static String bootstrap() {
        return TestInfrastructure.start().get("kafka.bootstrap.servers");
    }

    /** Reads the topic from the beginning until the records satisfy {@code done} or the timeout passes. */
    static List<ConsumerRecord<String, String>> read(String topic, Duration timeout, Predicate<List<ConsumerRecord<String, String>>> done) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap(), "group.id", "probe-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", "false",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !done.test(records)) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    static void send(String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap(), "acks", "all",
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}
