package fr.civmil.health.bench.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Commits events at a fixed rate through HTTP (one transaction each) and measures, for every
 * event, the time from its commit to a consumer receiving it from the broker. Same JVM, so System.nanoTime is one clock. Rate and duration: -Dbench.rate, -Dbench.seconds.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OutboxLatencyBench {

    @TestHTTPResource("/bench/events")
    URI events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void commitToBrokerLatency() throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int total = rate * seconds;
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean consuming = new AtomicBoolean(true);
        ObjectMapper json = new ObjectMapper();

        Thread consumer = new Thread(() -> {
            Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "bench-" + UUID.randomUUID(),
                    "auto.offset.reset", "latest", "key.deserializer", StringDeserializer.class.getName(),
                    "value.deserializer", StringDeserializer.class.getName(), "fetch.max.wait.ms", "5");
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config)) {
                kafka.subscribe(List.of("bench.events.v1"));
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(50))) {
                        long received = System.nanoTime();
                        JsonNode data = json.readTree(record.value()).get("data");
                        // Stamped inside the transaction just before commit: the figure includes the commit.
                        latenciesMicros.add((received - data.get("committedAtNanos").asLong()) / 1000);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bench-consumer");
        consumer.start();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
        // Warm-up at the same rate (topic creation, JIT, pools), then the measured run.
        paced(http, rate, Integer.getInteger("bench.warmup-seconds", 10) * rate, -1_000_000);
        Thread.sleep(1000);
        latenciesMicros.clear();
        long started = System.nanoTime();
        paced(http, rate, total, 0);
        double achievedRate = total / ((System.nanoTime() - started) / 1e9);
        long deadline = System.currentTimeMillis() + 30_000;
        while (latenciesMicros.size() < total && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        consuming.set(false);
        consumer.join();

        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        String report = String.format(
                "outbox commit-to-consumer latency: %d events at %.0f events/s (target %d/s for %d s), received %d%n"
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                total, achievedRate, rate, seconds, sorted.size(),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
        System.out.println(report);
        Path out = Path.of("target/outbox-latency.txt");
        Files.writeString(out, report);
        if (sorted.size() < total) {
            throw new AssertionError("lost events: " + (total - sorted.size()));
        }
    }

    /** Sends {@code count} commits at {@code rate} per second, without waiting for answers to keep the pace. */
    private void paced(HttpClient http, int rate, int count, long firstSeq) throws InterruptedException {
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        pacer.scheduleAtFixedRate(() -> {
            long n = sent.getAndIncrement();
            if (n < count) {
                http.sendAsync(post("aggregate-" + (n % 50), firstSeq + n), HttpResponse.BodyHandlers.discarding());
            }
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        while (sent.get() < count) {
            Thread.sleep(50);
        }
        pacer.shutdownNow();
    }

    private HttpRequest post(String aggregate, long n) {
        return HttpRequest.newBuilder(URI.create(events + "/" + aggregate + "/" + n))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }
}
