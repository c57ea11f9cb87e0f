package fr.civmil.health.devstack.chaos;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The broker's side of a run, through the Kafka admin API: how far each service's consumer groups are behind (offsets
 * are committed only once events are applied), the records of each topic, and what went to dead-letter topics.
 */
public final class KafkaWatch implements AutoCloseable {

    private final Admin admin;

    public KafkaWatch(String bootstrapServers) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "request.timeout.ms", "5000", "default.api.timeout.ms", "5000"));
    }

    /** Records not yet applied by the consumer groups of a service (named {@code <service>.<handler>}). */
    public long lag(String service) throws ExecutionException, InterruptedException {
        Set<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .filter(g -> g.startsWith(service + ".")).collect(Collectors.toSet());
        long lag = 0;
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
            for (var entry : committed.entrySet()) {
                lag += ends.get(entry.getKey()).offset() - (entry.getValue() == null ? 0 : entry.getValue().offset());
            }
        }
        return lag;
    }

    /** Waits until every consumer group of the service has applied up to the end of its topics; returns that {@link System#nanoTime()}. */
    public long awaitCaughtUp(String service, Duration timeout) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (caughtUp(service)) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service + " still has a lag of " + lag(service) + " after " + timeout);
            }
            Thread.sleep(10);
        }
    }

    /** True when the service's groups are at the end; false as well while the broker does not answer. */
    public boolean caughtUp(String service) throws InterruptedException {
        try {
            return lag(service) == 0;
        } catch (ExecutionException | RuntimeException e) {
            return false;
        }
    }

    /** Records in each of these topics (summed over partitions). */
    public Map<String, Long> endOffsets(Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<String, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
        return ends;
    }

    /** Records in the dead-letter topics ({@code *.dlt}), all together. */
    public long deadLetters() throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics().names().get().stream().filter(t -> t.endsWith(".dlt")).collect(Collectors.toSet());
        return topics.isEmpty() ? 0 : endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
