package fr.civmil.health.platform.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * The Kafka clients' own metrics (record errors, request latency, fetch lag, …) as {@code kafka_producer_*} and
 * {@code kafka_consumer_*} meters, for the clients the platform creates itself (relay, inbox, dead letters). A
 * client is unbound when it is closed, so a restarted worker's meters do not pile up.
 */
@Singleton
public class KafkaClientMeters {

    private final MeterRegistry registry;
    private final Map<Object, KafkaClientMetrics> bound = new ConcurrentHashMap<>();

    public KafkaClientMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public <C> C bind(C client) {
        KafkaClientMetrics metrics;
        if (client instanceof Producer<?, ?> producer) {
            metrics = new KafkaClientMetrics(producer);
        } else if (client instanceof Consumer<?, ?> consumer) {
            metrics = new KafkaClientMetrics(consumer);
        } else {
            throw new IllegalArgumentException("not a Kafka client: " + client.getClass());
        }
        metrics.bindTo(registry);
        bound.put(client, metrics);
        return client;
    }

    public void unbind(Object client) {
        KafkaClientMetrics metrics = bound.remove(client);
        if (metrics != null) {
            metrics.close();
        }
    }
}
