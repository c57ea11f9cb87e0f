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
    /** Requests this gateway let through from this bucket, ever: what it tells the other gateways. */
    private long taken;

    TokenBucket(int capacity, double perSecond, long now) {
        this(capacity, perSecond, now, 0);
    }

    /** A bucket that starts with {@code spent} tokens already used (by other gateways). */
    TokenBucket(int capacity, double perSecond, long now, double spent) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = Math.max(0, capacity - spent);
        this.refilledAt = now;
    }

    synchronized Quota take(long now) {
        refill(now);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
            taken++;
        }
        long untilFull = seconds((capacity - tokens) / perSecond);
        long retryAfter = allowed ? 0 : Math.max(1, seconds((1 - tokens) / perSecond));
        return new Quota(allowed, capacity, (int) Math.floor(tokens), untilFull, retryAfter);
    }

    /** Requests other gateways let through from this client's quota on this route: they empty this bucket too. */
    synchronized void takenElsewhere(long requests, long now) {
        refill(now);
        tokens = Math.max(0, tokens - requests);
    }

    synchronized long taken() {
        return taken;
    }

    int capacity() {
        return capacity;
    }

    double perSecond() {
        return perSecond;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
    }

    /** True once the bucket would be full again: it can be forgotten without changing any answer. */
    synchronized boolean idleAt(long now) {
        return tokens + (now - refilledAt) / 1e9 * perSecond >= capacity;
    }

    private static long seconds(double value) {
        return (long) Math.ceil(value);
    }
}
