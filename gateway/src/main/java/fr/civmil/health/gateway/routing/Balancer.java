package fr.civmil.health.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import fr.civmil.health.gateway.config.EdgeConfig;
import fr.civmil.health.gateway.resilience.CircuitBreaker;

/**
 * The instances of one route, each behind its own circuit breaker: round-robin over those whose circuit lets a
 * request pass, so an ejected instance (circuit open) gets nothing until its probe. The route is unavailable
 * (503) only when no instance can take a request.
 */
final class Balancer {

    /** One instance of the route and its circuit. */
    record Instance(int position, Upstream upstream, Upstream management, CircuitBreaker breaker) {
    }

    private final List<Instance> instances;
    private final AtomicInteger next = new AtomicInteger();

    Balancer(GatewayRoute route, EdgeConfig.Breaker settings) {
        List<Instance> list = new ArrayList<>();
        for (Upstream upstream : route.upstreams()) {
            list.add(new Instance(list.size() + 1, upstream, route.managementUpstreams().get(list.size()), new CircuitBreaker(settings.failureRatio(), settings.minimumCalls(),
                    settings.window(), settings.openFor())));
        }
        this.instances = List.copyOf(list);
    }

    List<Instance> instances() {
        return instances;
    }

    /**
     * The next instance that may take a request now, skipping those already tried for this request, or null. Asking
     * an instance whose circuit's open time is over makes this request its probe.
     */
    Instance choose(long now, Set<Instance> tried) {
        int start = next.getAndIncrement();
        for (int i = 0; i < instances.size(); i++) {
            // floorMod keeps the rotation right after int overflow.
            Instance candidate = instances.get(Math.floorMod(start + i, instances.size()));
            if (!tried.contains(candidate) && candidate.breaker().tryPass(now)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The attempt on the exchange's instance failed before any answer: once per request, the failure counts against
     * that instance and the exchange moves to another instance that may take it, which is returned. Null when the
     * request was sent again already or no other instance can take it: the failure is then the caller's to answer.
     */
    Instance failOver(Exchange exchange, long now) {
        Instance other = exchange.retried ? null : choose(now, Set.of(exchange.instance));
        if (other != null) {
            exchange.retried = true;
            exchange.instance.breaker().failed(now);
            exchange.instance = other;
        }
        return other;
    }

    /** Whole seconds until some instance may take a request again. */
    long retryAfterSeconds(long now) {
        return instances.stream().mapToLong(instance -> instance.breaker().retryAfterSeconds(now)).min().orElse(1);
    }

    /** The route's circuit as a whole: CLOSED when every instance's is, OPEN when none can take a request, else DEGRADED. */
    String state(long now) {
        if (instances.stream().allMatch(instance -> instance.breaker().state() == CircuitBreaker.State.CLOSED)) {
            return "CLOSED";
        }
        return instances.stream().anyMatch(instance -> instance.breaker().wouldPass(now)) ? "DEGRADED" : "OPEN";
    }
}
