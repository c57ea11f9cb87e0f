package fr.civmil.health.gateway.quota;

/**
 * One client's bucket on one route: holds up to {@code capacity} tokens, refilled continuously at
 * {@code perSecond}; a request takes one. The lock is held for a few arithmetic operations only, and
 * each client has buckets of its own, so a client at its limit never delays another.
 */
final class TokenBucket {

    private final int capacity;
    private final double perSecond;
    private double tokens;
    private long refilledAt;

    TokenBucket(int capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    synchronized Quota take(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long untilFull = seconds((capacity - tokens) / perSecond);
        long retryAfter = allowed ? 0 : Math.max(1, seconds((1 - tokens) / perSecond));
        return new Quota(allowed, capacity, (int) Math.floor(tokens), untilFull, retryAfter);
    }

    /** True once the bucket would be full again: it can be forgotten without changing any answer. */
    synchronized boolean idleAt(long now) {
        return tokens + (now - refilledAt) / 1e9 * perSecond >= capacity;
    }

    private static long seconds(double value) {
        return (long) Math.ceil(value);
    }
}
