package fr.civmil.health.devstack.testing;

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.devstack.TestInfrastructure;

/** Tests read and write the shared broker's topics the way another service would. */
public final class TopicProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicProbe() {
    }

    public static String bootstrap() {
        return TestInfrastructure.start().get("kafka.bootstrap.servers");
    }

    /** Reads the topic from the beginning until the records satisfy {@code done} or the timeout passes. */
    public static List<ConsumerRecord<String, String>> read(String topic, Duration timeout,
            Predicate<List<ConsumerRecord<String, String>>> done) {
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

    /** The events of the topic with this record key, read until {@code done} holds or 20 s pass. */
    public static List<JsonNode> events(String topic, String key, Predicate<List<JsonNode>> done) {
        List<JsonNode> events = new ArrayList<>();
        read(topic, Duration.ofSeconds(20), records -> {
            events.clear();
            records.stream().filter(r -> key.equals(r.key())).map(r -> json(r.value())).forEach(events::add);
            return done.test(events);
        });
        return events;
    }

    /** Waits for an event of this type on the topic whose data matches; returns the whole event. */
    public static JsonNode awaitPublished(String topic, String type, Predicate<JsonNode> data) {
        Predicate<ConsumerRecord<String, String>> matches = r -> {
            JsonNode event = json(r.value());
            return type.equals(event.path("type").asText()) && data.test(event.path("data"));
        };
        return read(topic, Duration.ofSeconds(20), rs -> rs.stream().anyMatch(matches))
                .stream().filter(matches).map(r -> json(r.value())).findFirst()
                .orElseThrow(() -> new AssertionError("no matching " + type + " event on " + topic));
    }

    public static void send(String topic, String key, String value) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap(), "acks", "all",
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** Publishes a CloudEvent as another service's outbox relay would; {@code data} is serialised to JSON. */
    public static void sendEvent(String topic, String key, String type, Object data) {
        sendEvent(topic, key, type, write(data));
    }

    /** Publishes a CloudEvent whose data is already JSON text. */
    public static void sendEvent(String topic, String key, String type, String jsonData) {
        send(topic, key, cloudEvent("/civmil/test", type, jsonData));
    }

    /** A CloudEvents 1.0 structured event with a fresh id. */
    public static String cloudEvent(String source, String type, String jsonData) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"" + source + "\",\"type\":\"" + type
                + "\",\"time\":\"2026-11-23T10:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":" + jsonData + "}";
    }

    /** Parses JSON; a record that is not JSON (a poison test record) reads as an empty object. */
    public static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
