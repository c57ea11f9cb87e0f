package fr.civmil.health.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway's routing table and upstream client settings. Each route names the service that
 * owns some path prefixes and lists the base URLs of its instances (used round-robin), e.g.
 * <pre>
 * civmil.gateway.routes.zones-service.prefixes=/api/v1/territories,/api/v1/priority-zones
 * civmil.gateway.routes.zones-service.upstreams=http://10.0.0.5:8080,http://10.0.0.6:8080
 * civmil.gateway.routes.zones-service.timeout=30s
 * </pre>
 */
@ConfigMapping(prefix = "civmil.gateway")
public interface GatewayConfig {

    /** The routes, keyed by route name (the owning service's name, shown in errors and health). */
    Map<String, Route> routes();

    /** How long to wait for a connection to an upstream instance (a new TCP connection or a free pooled one). */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long a readiness probe of one upstream instance may take before it counts as DOWN. */
    @WithDefault("2s")
    Duration healthTimeout();

    /** Maximum open HTTP/1.1 connections to each upstream instance, per event loop. */
    @WithDefault("100")
    int poolSize();

    interface Route {

        /** Path prefixes the route owns; a prefix matches whole path segments only. */
        List<String> prefixes();

        /** Base URLs of the route's instances (scheme, host and port; no path: paths are forwarded unchanged). */
        List<URI> upstreams();

        /**
         * Base URLs of the instances' management interfaces, where their readiness is asked, in the order of
         * {@link #upstreams()}; the instances' own URLs when unset (a service serving health on its API port).
         */
        Optional<List<URI>> managementUpstreams();

        /** How long an upstream may stay silent before the gateway answers 504. */
        @WithDefault("30s")
        Duration timeout();

        /** How long to wait for a connection to one of this route's instances; the gateway-wide connect-timeout if unset. */
        Optional<Duration> connectTimeout();

        /** Largest request body this route accepts (e.g. bulk CSV imports); civmil.edge.max-body-size if unset. */
        Optional<MemorySize> maxBodySize();
    }
}
