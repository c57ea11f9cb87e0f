package fr.civmil.health.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/** The shared infrastructure is real: SQL runs, records survive a broker restart, tokens verify against the JWKS. */
class DevStackInfrastructureTest {

    @Test
    void postgresCreatesAndServesADatabase() throws Exception {
        Map<String, String> details = TestInfrastructure.start();
        String url = TestInfrastructure.database("devstack_probe");
        try (Connection connection = DriverManager.getConnection(url, details.get("postgres.username"), details.get("postgres.password"));
                ResultSet rs = connection.createStatement().executeQuery("select current_database(), version()")) {
            assertTrue(rs.next());
            assertEquals("devstack_probe", rs.getString(1));
            assertTrue(rs.getString(2).startsWith("PostgreSQL 17"), rs.getString(2));
        }
    }

    @Test
    void kafkaKeepsRecordsAcrossARestart() throws Exception {
        String bootstrap = TestInfrastructure.start().get("kafka.bootstrap.servers");
        Map<String, Object> producerConfig = Map.of("bootstrap.servers", bootstrap, "acks", "all",
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>("devstack.probe", "k", "before-restart")).get();
        }
        TestInfrastructure.stopKafka();
        TestInfrastructure.restartKafka();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>("devstack.probe", "k", "after-restart")).get();
        }
        Map<String, Object> consumerConfig = Map.of("bootstrap.servers", bootstrap, "group.id", "probe",
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of("devstack.probe"));
            long deadline = System.currentTimeMillis() + 20_000;
            while (values.size() < 2 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        assertEquals(List.of("before-restart", "after-restart"), values);
    }

    @Test
    void tokensVerifyAgainstThePublishedKeys() throws Exception {
        Map<String, String> details = TestInfrastructure.start();
        String token = TestInfrastructure.token("dev-ars", "ars");
        JwtClaims claims = new JwtConsumerBuilder()
                .setExpectedIssuer(details.get("issuer"))
                .setExpectedAudience(DevIssuer.AUDIENCE)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(details.get("jwks.url"))))
                .build()
                .processToClaims(token);
        assertEquals("dev-ars", claims.getSubject());
        assertEquals(List.of("ars"), claims.getStringListClaimValue("groups"));
        HttpResponse<String> discovery = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(details.get("issuer") + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(discovery.body().contains(details.get("jwks.url")));
    }
}
