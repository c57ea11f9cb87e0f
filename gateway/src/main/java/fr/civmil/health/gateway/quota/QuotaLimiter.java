package fr.civmil.health.gateway.quota;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import fr.civmil.health.gateway.config.EdgeConfig;

/**
 * Per-client quotas: one token bucket per client and route. The limit of a route is its own if the
 * configuration has one, else the most generous limit among the client's roles, else the default.
 */
@Singleton
public class QuotaLimiter {

    /** Past this many buckets, buckets that are full again (idle clients) are dropped. */
    private static final int PURGE_ABOVE = 100_000;

    private final EdgeConfig.Quota config;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public QuotaLimiter(EdgeConfig config) {
        this(config.quota());
    }

    QuotaLimiter(EdgeConfig.Quota config) {
        this.config = config;
    }

    public Quota take(String client, Set<String> roles, String route) {
        long now = System.nanoTime();
        TokenBucket bucket = buckets.get(client + '\n' + route);
        if (bucket == null) {
            if (buckets.size() > PURGE_ABOVE) {
                buckets.values().removeIf(b -> b.idleAt(now));
            }
            EdgeConfig.Limit limit = limit(roles, route);
            bucket = buckets.computeIfAbsent(client + '\n' + route, k -> new TokenBucket(limit.capacity(), limit.perSecond(), now));
        }
        return bucket.take(now);
    }

    EdgeConfig.Limit limit(Set<String> roles, String route) {
        EdgeConfig.Limit byRoute = config.routes().get(route);
        if (byRoute != null) {
            return byRoute;
        }
        EdgeConfig.Limit best = null;
        for (String role : roles) {
            EdgeConfig.Limit byRole = config.roles().get(role);
            if (byRole != null && (best == null || byRole.capacity() > best.capacity())) {
                best = byRole;
            }
        }
        return best != null ? best : config.defaults();
    }
}
