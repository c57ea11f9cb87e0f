package fr.civmil.health.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A route of the table: the service that owns some prefixes, its instances and its timeouts. */
public final class GatewayRoute {

    private final String name;
    private final List<String> prefixes;
    private final List<Upstream> upstreams;
    private final List<Upstream> managementUpstreams;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final Optional<Long> maxBodyBytes;

    GatewayRoute(String name, List<String> prefixes, List<Upstream> upstreams, List<Upstream> managementUpstreams, Duration timeout,
            Duration connectTimeout, Optional<Long> maxBodyBytes) {
        this.name = name;
        this.prefixes = List.copyOf(prefixes);
        this.upstreams = List.copyOf(upstreams);
        this.managementUpstreams = List.copyOf(managementUpstreams);
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    public String name() {
        return name;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public List<Upstream> upstreams() {
        return upstreams;
    }

    /** Where each instance's readiness is asked, in the order of {@link #upstreams()}. */
    public List<Upstream> managementUpstreams() {
        return managementUpstreams;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The route's own body limit, when it has one. */
    public Optional<Long> maxBodyBytes() {
        return maxBodyBytes;
    }
}
