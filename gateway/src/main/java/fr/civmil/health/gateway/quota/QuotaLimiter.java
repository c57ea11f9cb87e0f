package fr.civmil.health.gateway.quota;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import fr.civmil.health.gateway.config.EdgeConfig;

/**
 * Per-client quotas: one token bucket per client and route. The limit of a route is its own if the
 * configuration has one, else the most generous limit among the client's roles, else the default. With
 * several gateways, each one's buckets also lose what the others let through ({@link SharedQuotas}).
 */
@Singleton
public class QuotaLimiter {

    /** Past this many buckets, buckets that are full again (idle clients) are dropped. */
    private static final int PURGE_ABOVE = 100_000;

    private final EdgeConfig.Quota config;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    /** Requests other gateways let through for buckets this one does not hold yet. */
    private final ConcurrentHashMap<String, Debt> debts = new ConcurrentHashMap<>();

    private record Debt(long requests, long at) {
    }

    @Inject
    public QuotaLimiter(EdgeConfig config) {
        this(config.quota());
    }

    QuotaLimiter(EdgeConfig.Quota config) {
        this.config = config;
    }

    public Quota take(String client, Set<String> roles, String route) {
        long now = System.nanoTime();
        String key = key(client, route);
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() > PURGE_ABOVE) {
                buckets.values().removeIf(b -> b.idleAt(now));
            }
            EdgeConfig.Limit limit = limit(roles, route);
            bucket = buckets.computeIfAbsent(key, k -> {
                // What other gateways let through lately, less what has refilled since.
                Debt debt = debts.remove(k);
                double spent = debt == null ? 0
                        : Math.min(limit.capacity(), debt.requests()) - (now - debt.at()) / 1e9 * limit.perSecond();
                return new TokenBucket(limit.capacity(), limit.perSecond(), now, spent);
            });
        }
        return bucket.take(now);
    }

    /** Requests let through by other gateways for a client on a route since the last time they said (SharedQuotas). */
    void takenElsewhere(String key, long requests, long now) {
        TokenBucket bucket = buckets.get(key);
        if (bucket != null) {
            bucket.takenElsewhere(requests, now);
        } else {
            debts.merge(key, new Debt(requests, now), (older, newer) -> new Debt(older.requests() + newer.requests(), newer.at()));
        }
    }

    /** How many requests this gateway let through, per bucket. */
    Map<String, Long> taken() {
        Map<String, Long> taken = new HashMap<>();
        buckets.forEach((key, bucket) -> taken.put(key, bucket.taken()));
        return taken;
    }

    /** Forgets debts of buckets nobody here asked for within a minute. */
    void forgetOldDebts(long now) {
        debts.values().removeIf(debt -> now - debt.at() > 60_000_000_000L);
    }

    static String key(String client, String route) {
        return client + '\n' + route;
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
