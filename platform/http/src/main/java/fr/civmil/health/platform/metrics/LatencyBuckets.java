package fr.civmil.health.platform.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Buckets for the durations operators alert on (HTTP requests served, requests sent upstream by the gateway, events
 * from commit to broker), so that Prometheus can compute any quantile over any set of instances
 * ({@code histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket[5m])))}): a summary's p99
 * cannot be aggregated across replicas. A dozen fixed bounds from 5 ms to 10 s rather than Micrometer's seventy-odd
 * default ones. Every meter also carries the {@code service} it comes from.
 */
@Singleton
public class LatencyBuckets {

    static final Duration[] BOUNDS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10) };

    static final Set<String> TIMERS = Set.of("http.server.requests", "gateway.upstream.requests", "civmil.outbox.delay");

    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "quarkus.application.name") String service) {
        return MeterFilter.commonTags(Tags.of("service", service));
    }

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMERS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(Arrays.stream(BOUNDS).mapToDouble(Duration::toNanos).toArray())
                        .build().merge(config);
            }
        };
    }
}
