package fr.civmil.health.platform;

import fr.civmil.health.devstack.testing.Management;
import fr.civmil.health.devstack.testing.TopicProbe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.devstack.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The outbox publishes exactly what commits, as CloudEvents keyed by aggregate, even across a broker outage. */
@QuarkusTest
class OutboxTest {

    private static final String TOPIC = "platform-test.events.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static long createParcel(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .when().post("/test/parcels")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> eventsFor(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(r -> json(r.value())).toList();
    }

    @Test
    void committedChangesArePublishedAsCloudEventsKeyedByAggregate() {
        String name = "committed-" + UUID.randomUUID();
        String key = String.valueOf(createParcel(name));

        List<ConsumerRecord<String, String>> records = TopicProbe.read(TOPIC, Duration.ofSeconds(20),
                rs -> !eventsFor(rs, key).isEmpty());
        List<JsonNode> events = eventsFor(records, key);
        assertEquals(1, events.size());
        JsonNode event = events.get(0);
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("/civmil/platform-test", event.get("source").asText());
        assertEquals("fr.civmil.test.parcel.created.v1", event.get("type").asText());
        assertEquals("parcel " + key, event.get("subject").asText());
        assertNotNull(UUID.fromString(event.get("id").asText()));
        assertNotNull(OffsetDateTime.parse(event.get("time").asText()));
        assertEquals(name, event.get("data").get("name").asText());
        // A typed event's data is its record's components, nothing more.
        Set<String> fields = new HashSet<>();
        event.get("data").fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("parcelId", "name"), fields);
    }

    @Test
    void anEventCarriesTheTraceOfTheRequestThatRecordedIt() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String key = String.valueOf(given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .body(Map.of("name", "traced-" + UUID.randomUUID())).when().post("/test/parcels")
                .then().statusCode(201).extract().jsonPath().getLong("id"));

        ConsumerRecord<String, String> record = TopicProbe.read(TOPIC, Duration.ofSeconds(20), rs -> !eventsFor(rs, key).isEmpty())
                .stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        String traceparent = json(record.value()).path("traceparent").asText();
        // The relay's publishing span: same trace, a span of its own under the request's.
        assertTrue(traceparent.matches("00-" + traceId + "-[0-9a-f]{16}-01"), traceparent);
        assertFalse(traceparent.contains("b7ad6b7169203331"), traceparent);
        assertEquals(traceparent, new String(record.headers().lastHeader("traceparent").value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theMeasuresOperatorsAlertOnAreServedOnTheManagementPort() {
        createParcel("measured-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            for (String series : List.of("civmil_outbox_backlog{", "civmil_outbox_oldest_age_seconds{", "civmil_outbox_delay_seconds_bucket{",
                    "agroal_awaiting_count{", "agroal_active_count{", "kafka_producer_record_send_total{", "kafka_consumer_")) {
                assertTrue(metrics.contains("\n" + series), series + " is missing");
            }
        });
        given().when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void aRolledBackChangeIsNeverPublished() {
        String doomed = "doomed-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("name", doomed))
                .when().post("/test/parcels/doomed")
                .then().statusCode(409);
        // A change committed after the doomed one: once it is on the topic, the doomed one would be too.
        String after = String.valueOf(createParcel("committed-after-" + UUID.randomUUID()));

        List<ConsumerRecord<String, String>> records = TopicProbe.read(TOPIC, Duration.ofSeconds(20),
                rs -> !eventsFor(rs, after).isEmpty());
        assertFalse(eventsFor(records, after).isEmpty(), "the committed change was published");
        assertTrue(records.stream().noneMatch(r -> r.value().contains(doomed)), "the rolled-back change was published");
    }

    @Test
    void eventsCommittedWhileTheBrokerIsDownArePublishedInOrderAfterItReturns() {
        assumeTrue(TestInfrastructure.kafkaIsEmbedded(), "needs the embedded broker to stop it");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(String.valueOf(createParcel("outage-" + i)));
        }
        TestInfrastructure.stopKafka();
        try {
            for (int step = 1; step <= 10; step++) {
                for (String key : keys) {
                    // The API keeps accepting changes: the outbox holds the events.
                    given().when().post("/test/parcels/" + key + "/moves/" + step).then().statusCode(202);
                }
            }
            // Long enough for the relay's attempts to fail and be rolled back while the broker is away.
            await().atMost(Duration.ofSeconds(30)).until(() -> relayFailures() > 0);
        } finally {
            TestInfrastructure.restartKafka();
        }

        List<ConsumerRecord<String, String>> records = TopicProbe.read(TOPIC, Duration.ofSeconds(60),
                rs -> keys.stream().allMatch(k -> eventsFor(rs, k).size() >= 11));
        Map<String, List<Integer>> stepsByKey = new LinkedHashMap<>();
        for (String key : keys) {
            List<Integer> steps = eventsFor(records, key).stream()
                    .filter(e -> e.get("type").asText().endsWith("moved.v1"))
                    .map(e -> e.get("data").get("step").asInt()).toList();
            stepsByKey.put(key, steps);
        }
        for (String key : keys) {
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), stepsByKey.get(key), "steps of parcel " + key);
        }
    }

    private static double relayFailures() {
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("civmil_outbox_failures_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void twoRelayWorkersNeverPublishTheSameEventTwice() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(String.valueOf(createParcel("burst-" + i)));
        }
        List<ConsumerRecord<String, String>> records = TopicProbe.read(TOPIC, Duration.ofSeconds(30),
                rs -> keys.stream().allMatch(k -> !eventsFor(rs, k).isEmpty()));
        List<String> ids = records.stream().map(r -> json(r.value()).get("id").asText()).toList();
        assertTrue(keys.stream().allMatch(k -> eventsFor(records, k).size() == 1), "one event per created parcel");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no event id published twice");
    }
}
