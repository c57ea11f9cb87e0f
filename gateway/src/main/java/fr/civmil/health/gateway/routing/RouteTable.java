package fr.civmil.health.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import fr.civmil.health.gateway.config.GatewayConfig;

/**
 * The routing table built from {@link GatewayConfig}, checked once at startup so a bad table stops
 * the gateway instead of misrouting requests.
 */
@Singleton
public class RouteTable {

    /** Quarkus' non-application root: health, metrics, OpenAPI stay the gateway's own. */
    static final String LOCAL_ROOT = "/q";

    private final List<GatewayRoute> routes = new ArrayList<>();
    /** Every prefix with its route, longest first, so the most specific prefix wins. */
    private final List<Map.Entry<String, GatewayRoute>> byPrefix = new ArrayList<>();

    public RouteTable(GatewayConfig config) {
        Map<String, String> owners = new HashMap<>();
        // TreeMap: a stable order for logs and health checks.
        new TreeMap<>(config.routes()).forEach((name, route) -> {
            List<String> prefixes = route.prefixes().stream().map(p -> prefix(name, p)).toList();
            List<Upstream> upstreams = route.upstreams().stream().map(url -> Upstream.parse(name, url)).toList();
            if (upstreams.isEmpty()) {
                throw new IllegalStateException("Route " + name + " has no upstream");
            }
            List<Upstream> management = route.managementUpstreams().map(urls -> urls.stream().map(url -> Upstream.parse(name, url)).toList())
                    .orElse(upstreams);
            if (management.size() != upstreams.size()) {
                throw new IllegalStateException("Route " + name + " has " + upstreams.size() + " upstream(s) but " + management.size()
                        + " management upstream(s): one per instance, in the same order");
            }
            GatewayRoute gatewayRoute = new GatewayRoute(name, prefixes, upstreams, management, route.timeout(),
                    route.connectTimeout().orElse(config.connectTimeout()), route.maxBodySize().map(size -> size.asLongValue()));
            routes.add(gatewayRoute);
            for (String prefix : prefixes) {
                String owner = owners.putIfAbsent(prefix, name);
                if (owner != null) {
                    throw new IllegalStateException("Prefix " + prefix + " is claimed by both " + owner + " and " + name);
                }
                byPrefix.add(Map.entry(prefix, gatewayRoute));
            }
        });
        byPrefix.sort(Comparator.comparingInt((Map.Entry<String, GatewayRoute> e) -> e.getKey().length()).reversed());
    }

    public List<GatewayRoute> routes() {
        return routes;
    }

    /** The route owning this (normalized) path: a prefix matches only up to a segment boundary. */
    public Optional<GatewayRoute> match(String path) {
        for (Map.Entry<String, GatewayRoute> entry : byPrefix) {
            if (owns(entry.getKey(), path)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** True for /q and below: never forwarded. */
    static boolean isLocal(String path) {
        return owns(LOCAL_ROOT, path);
    }

    /** /api/v1/doctors owns /api/v1/doctors and /api/v1/doctors/..., not /api/v1/doctorsX. */
    static boolean owns(String prefix, String path) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    private static String prefix(String route, String raw) {
        String prefix = raw.trim();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!prefix.startsWith("/") || prefix.contains("//") || prefix.contains("*")) {
            throw new IllegalStateException("Route " + route + ": prefix '" + raw + "' must be a path such as /api/v1/things");
        }
        if (isLocal(prefix)) {
            throw new IllegalStateException("Route " + route + ": prefix " + raw + " is under " + LOCAL_ROOT
                    + ", which stays local to the gateway");
        }
        return prefix;
    }
}
