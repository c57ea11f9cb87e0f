package fr.civmil.health.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.civmil.health.devstack.testing.Management;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.testing.TopicProbe;
import fr.civmil.health.platform.testapp.ParcelProjection;
import io.quarkus.test.junit.QuarkusTest;

/** A consumer that dies outside its record handling comes back by itself, and readiness tells meanwhile. */
@QuarkusTest
class SupervisedConsumerTest {

    private static final String WORKER = "inbox-parcel-projection";

    @AfterEach
    void stopCrashing() {
        given().put("/test/parcels/projection/crashing/false").then().statusCode(204);
    }

    private static String event(String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/civmil/other\","
                + "\"type\":\"fr.civmil.other.thing.happened.v1\",\"time\":\"2026-11-23T10:00:00Z\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    @Test
    void aConsumerThatKeepsCrashingMakesTheServiceNotReadyThenRecoversAndAppliesTheEventOnce() throws Exception {
        given().put("/test/parcels/projection/crashing/true").then().statusCode(204);
        String key = "crash-" + UUID.randomUUID();
        TopicProbe.send(ParcelProjection.TOPIC, key, event("{\"crash\":true}"));

        // Restarted again and again, it fails for longer than allowed (3 s in this module): not ready.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Management.given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'workers' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'workers' }.data.'" + WORKER + ".lastError'",
                        containsString("the consumer crashed outside its record handling"))
                .body("checks.find { it.name == 'workers' }.data.'" + WORKER + ".restarts'", greaterThanOrEqualTo(1)));

        given().put("/test/parcels/projection/crashing/false").then().statusCode(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/test/parcels/projection/" + key)
                .then().statusCode(200).body("appliedCount", equalTo(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Management.given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'workers' }.data.'" + WORKER + ".state'", equalTo("RUNNING"))
                .body("checks.find { it.name == 'workers' }.data.'" + WORKER + ".lag'", equalTo(0)));
    }

    @Test
    void readinessListsEveryConsumerAndRelayWorker() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Management.given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("workers"))
                .body("checks.find { it.name == 'workers' }.data.'" + WORKER + ".state'", equalTo("RUNNING"))
                .body("checks.find { it.name == 'workers' }.data.'outbox-relay-0.state'", equalTo("RUNNING"))
                .body("checks.find { it.name == 'workers' }.data.'outbox-relay-1.state'", equalTo("RUNNING")));
    }

    @Test
    void consumersAreStaticMembersSoThatARestartedInstanceTakesItsPartitionsBackAtOnce() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TopicProbe.bootstrap()))) {
            String group = "platform-test.parcel-projection";
            ConsumerGroupDescription description = await().atMost(Duration.ofSeconds(20)).until(
                    () -> admin.describeConsumerGroups(java.util.List.of(group)).describedGroups().get(group)
                            .get(5, TimeUnit.SECONDS),
                    d -> !d.members().isEmpty());
            assertEquals(1, description.members().size());
            MemberDescription member = description.members().iterator().next();
            assertTrue(member.groupInstanceId().isPresent(), "a static member has an instance id");
            assertTrue(member.groupInstanceId().get().endsWith(".parcel-projection"), member.groupInstanceId().get());
            assertFalse(member.assignment().topicPartitions().isEmpty());
        }
    }
}
