package fr.civmil.health.gateway.routing;

import java.time.Instant;

import fr.civmil.health.gateway.security.Identity;
import fr.civmil.health.platform.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.http.HttpClientRequest;

/** What the gateway knows about one request while it is in flight; it ends as an audit record. */
final class Exchange {

    final Instant arrivedAt = Instant.now();
    final long arrivedNanos = System.nanoTime();
    final String requestId;
    /** The gateway's span of the request, which the upstream's continues. */
    final Span span;
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
    /** The service's Date header, put back on the answer as its headers go out (ForwardingInterceptor). */
    String upstreamDate;

    Exchange(String requestId, Span span) {
        this.requestId = requestId;
        this.span = span;
        this.traceparent = Tracing.traceparentOf(span.getSpanContext());
    }
}
