package fr.civmil.health.platform;

import fr.civmil.health.devstack.testing.Management;
import fr.civmil.health.devstack.testing.TopicProbe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.civmil.health.platform.testapp.ParcelProjection;
import io.quarkus.test.junit.QuarkusTest;

/** Consumers apply each event once, and a record they cannot process goes to the dead-letter topic. */
@QuarkusTest
class InboxTest {

    private static String event(String id, String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/civmil/other\",\"type\":\"" + type
                + "\",\"time\":\"2026-11-23T10:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    private static String sequenced(String type, long sequence) {
        return event(UUID.randomUUID().toString(), type, "{}").replace("\"time\"", "\"sequence\":\"" + sequence + "\",\"time\"");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aRedeliveredEventIsAppliedExactlyOnce() throws Exception {
        String key = "redelivered-" + UUID.randomUUID();
        String event = event(UUID.randomUUID().toString(), "fr.civmil.other.thing.happened.v1", "{\"n\":1}");
        TopicProbe.send(ParcelProjection.TOPIC, key, event);
        TopicProbe.send(ParcelProjection.TOPIC, key, event);
        // A later, different event on the same key proves both copies of the first were consumed.
        TopicProbe.send(ParcelProjection.TOPIC, key, event(UUID.randomUUID().toString(), "fr.civmil.other.thing.ended.v1", "{}"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/test/parcels/projection/" + key)
                .then().statusCode(200).body("lastEventType", equalTo("fr.civmil.other.thing.ended.v1")));
        given().when().get("/test/parcels/projection/" + key)
                .then().body("appliedCount", equalTo(2));
        // Applied and committed: the consumer's lag, which operators alert on, is back to 0.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Management.given().when().get("/q/metrics").then()
                .body(matchesRegex("(?s).*\ncivmil_inbox_lag\\{consumer=\"parcel-projection\",group=\"platform-test.parcel-projection\",service=\"platform-test\",topic=\"[^\"]+\"} 0.0\n.*")));
    }

    /**
     * After a broker failure the relay may publish an aggregate's older event again after a newer one: by the producer's
     * sequence, the older is recorded but not applied over the newer state.
     */
    @Test
    void anOlderEventOfAnAggregateDeliveredAfterANewerOneIsNotAppliedOverIt() throws Exception {
        String key = "reordered-" + UUID.randomUUID();
        TopicProbe.send(ParcelProjection.TOPIC, key, sequenced("fr.civmil.other.thing.activated.v1", 42));
        TopicProbe.send(ParcelProjection.TOPIC, key, sequenced("fr.civmil.other.thing.referenced.v1", 41));
        TopicProbe.send(ParcelProjection.TOPIC, key, sequenced("fr.civmil.other.thing.suspended.v1", 43));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/test/parcels/projection/" + key)
                .then().statusCode(200).body("lastEventType", equalTo("fr.civmil.other.thing.suspended.v1")));
        given().when().get("/test/parcels/projection/" + key)
                .then().body("appliedCount", equalTo(2));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndThePartitionKeepsFlowing() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.send(ParcelProjection.TOPIC, key, "this is not json {");
        TopicProbe.send(ParcelProjection.TOPIC, key,
                event(UUID.randomUUID().toString(), "fr.civmil.other.thing.refused.v1", "{\"poison\":true}"));
        TopicProbe.send(ParcelProjection.TOPIC, key,
                event(UUID.randomUUID().toString(), "fr.civmil.other.thing.accepted.v1", "{}"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/test/parcels/projection/" + key)
                .then().statusCode(200).body("appliedCount", equalTo(1))
                .body("lastEventType", equalTo("fr.civmil.other.thing.accepted.v1")));

        List<ConsumerRecord<String, String>> dead = TopicProbe.read(ParcelProjection.TOPIC + ".dlt", Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= 2).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertEquals(2, dead.size());
        assertEquals("this is not json {", dead.get(0).value(), "the original record is kept");
        assertTrue(header(dead.get(0), "civmil-dlt-reason").startsWith("not a CloudEvent"), header(dead.get(0), "civmil-dlt-reason"));
        assertTrue(header(dead.get(1), "civmil-dlt-reason").contains("failed 3 times"), header(dead.get(1), "civmil-dlt-reason"));
        assertTrue(header(dead.get(1), "civmil-dlt-reason").contains("cannot apply this event"));
        assertEquals(ParcelProjection.TOPIC, header(dead.get(1), "civmil-dlt-original-topic"));
        assertEquals("parcel-projection", header(dead.get(1), "civmil-dlt-consumer"));
    }
}
