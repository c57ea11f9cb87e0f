package fr.civmil.health.gateway.quota;

/**
 * The outcome of taking one request from a client's quota, with what the RateLimit headers report:
 * the burst limit, the requests left now, the seconds until the bucket is full again and, when refused,
 * the seconds until the next request will be accepted.
 */
public record Quota(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
}
