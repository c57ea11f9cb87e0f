package fr.civmil.health.gateway.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Each upstream instance's latency and errors as the gateway sees them ({@code gateway_upstream_requests_seconds}, by
 * route, upstream ({@code instance-N}, not {@code instance}, which Prometheus gives every scrape target) and outcome; buckets from platform-http's LatencyBuckets): an instance slower or failing more than
 * its siblings shows here before its circuit opens. Timers are made once, not looked up per request.
 */
final class UpstreamMeters {

    static final String SUCCESS = "success", CLIENT_ERROR = "client_error", SERVER_ERROR = "server_error",
            UNREACHABLE = "unreachable", TIMEOUT = "timeout";
    private static final List<String> OUTCOMES = List.of(SUCCESS, CLIENT_ERROR, SERVER_ERROR, UNREACHABLE, TIMEOUT);

    private final Map<Balancer.Instance, Map<String, Timer>> timers = new HashMap<>();

    UpstreamMeters(GatewayRoute route, Balancer balancer, MeterRegistry registry) {
        for (Balancer.Instance instance : balancer.instances()) {
            Map<String, Timer> byOutcome = new HashMap<>();
            for (String outcome : OUTCOMES) {
                byOutcome.put(outcome, Timer.builder("gateway.upstream.requests")
                        .description("Requests sent to an upstream instance, until its answer's headers or the failure")
                        .tags("route", route.name(), "upstream", "instance-" + instance.position(), "outcome", outcome)
                        .register(registry));
            }
            timers.put(instance, byOutcome);
        }
    }

    static String outcome(int status) {
        return status >= 500 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : SUCCESS;
    }

    void record(Balancer.Instance instance, String outcome, long nanos) {
        timers.get(instance).get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }
}
