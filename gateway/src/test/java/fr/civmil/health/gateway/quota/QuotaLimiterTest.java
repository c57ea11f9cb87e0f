package fr.civmil.health.gateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.civmil.health.gateway.config.EdgeConfig;

/** Which limit applies, and the token bucket's arithmetic (no Quarkus needed). */
class QuotaLimiterTest {

    record Limit(int capacity, double perSecond) implements EdgeConfig.Limit {
    }

    record Quotas(EdgeConfig.Limit defaults, Map<String, EdgeConfig.Limit> roles, Map<String, EdgeConfig.Limit> routes,
            Duration refusalDelay) implements EdgeConfig.Quota {
    }

    private static final Quotas QUOTAS = new Quotas(new Limit(10, 5),
            Map.of("ars", new Limit(20, 10), "admin", new Limit(40, 20)),
            Map.of("referral-network-service", new Limit(3, 1)), Duration.ZERO);

    @Test
    void aRouteLimitWinsThenTheMostGenerousRoleThenTheDefault() {
        QuotaLimiter limiter = new QuotaLimiter(QUOTAS);
        assertEquals(3, limiter.limit(Set.of("admin"), "referral-network-service").capacity());
        assertEquals(40, limiter.limit(Set.of("ars", "admin"), "zones-service").capacity());
        assertEquals(20, limiter.limit(Set.of("ars", "auditor"), "zones-service").capacity());
        assertEquals(10, limiter.limit(Set.of("cnmss"), "zones-service").capacity());
    }

    @Test
    void theBucketEmptiesThenRefillsWithTime() {
        TokenBucket bucket = new TokenBucket(2, 4, 0); // 2 at once, then one every 250 ms
        Quota first = bucket.take(0);
        assertTrue(first.allowed());
        assertEquals(1, first.remaining());
        assertTrue(bucket.take(0).allowed());
        Quota refused = bucket.take(0);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(1, refused.resetSeconds());
        assertFalse(bucket.take(200_000_000L).allowed());
        assertTrue(bucket.take(260_000_000L).allowed());
        assertTrue(bucket.idleAt(10_000_000_000L));
    }

    @Test
    void eachClientAndRouteHasItsOwnBucket() {
        QuotaLimiter limiter = new QuotaLimiter(QUOTAS);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.take("a", Set.of("cnmss"), "referral-network-service").allowed());
        }
        assertFalse(limiter.take("a", Set.of("cnmss"), "referral-network-service").allowed());
        assertTrue(limiter.take("b", Set.of("cnmss"), "referral-network-service").allowed());
        assertTrue(limiter.take("a", Set.of("cnmss"), "zones-service").allowed());
    }
}
