package fr.civmil.health.gateway.routing;

import java.time.Instant;

import fr.civmil.health.gateway.security.Identity;
import io.vertx.core.http.HttpClientRequest;

/** What the gateway knows about one request while it is in flight; it ends as an audit record. */
final class Exchange {

    final Instant arrivedAt = Instant.now();
    final long arrivedNanos = System.nanoTime();
    final String requestId;
    final String traceparent;
    Identity identity;
    String routeName;
    GatewayRoute route;
    Balancer.Instance instance;
    Upstream upstream;
    HttpClientRequest upstreamRequest;
    boolean bodyTooLarge;
    /** Sent again once already, on another instance (after a refused connection or a dropped replayable request). */
    boolean retried;
    /** Refused for its quota: counted, not recorded (AuditTrail). */
    boolean quotaRefused;

    Exchange(String requestId, String traceparent) {
        this.requestId = requestId;
        this.traceparent = traceparent;
    }
}
