package fr.civmil.health.gateway.routing;

import java.util.List;
import java.util.Set;

import io.vertx.core.MultiMap;

/** Which browser origins may call the API, and the CORS headers the gateway answers with. */
final class Cors {

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, If-Match, If-None-Match, Idempotency-Key,"
            + " X-Request-Id, traceparent, tracestate";
    static final String EXPOSED_HEADERS = "ETag, Location, X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining,"
            + " RateLimit-Reset";

    private final Set<String> origins;
    private final String maxAgeSeconds;

    Cors(List<String> origins, long maxAgeSeconds) {
        this.origins = Set.copyOf(origins.stream().map(Cors::normalize).toList());
        this.maxAgeSeconds = String.valueOf(maxAgeSeconds);
    }

    boolean allows(String origin) {
        return origins.contains(normalize(origin));
    }

    void addTo(MultiMap headers, String origin) {
        headers.set("Access-Control-Allow-Origin", origin);
        headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        headers.add("Vary", "Origin");
    }

    void addPreflightTo(MultiMap headers, String origin) {
        headers.set("Access-Control-Allow-Origin", origin);
        headers.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
        headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        headers.set("Access-Control-Max-Age", maxAgeSeconds);
        headers.add("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    }

    private static String normalize(String origin) {
        String trimmed = origin.trim();
        return (trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed).toLowerCase(java.util.Locale.ROOT);
    }
}
