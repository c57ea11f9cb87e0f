package fr.civmil.health.platform.tracing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first step of every request on the public port: continues the caller's W3C trace (or starts one) with a
 * server span, takes the caller's {@code X-Request-Id} when it is a sane token (else makes one), and puts the
 * trace id, span id and request id in the logging context of every line the request writes. The span ends with
 * the response, carrying its status.
 */
@Singleton
public class HttpTracing {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Keys of the logging context (MDC), in every JSON log line. */
    public static final String TRACE_ID = "traceId", SPAN_ID = "spanId", REQUEST_ID = "requestId", SUBJECT = "subject";
    private static final String SPAN = "civmil.span";
    private static final Pattern VALID_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Tracing tracing;

    public HttpTracing(Tracing tracing) {
        this.tracing = tracing;
    }

    void install(@Observes Router router) {
        // Before every other handler of ours (the gateway's pipeline runs at ROUTE_ORDER_BEFORE_DEFAULT).
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1).handler(this::trace);
    }

    private void trace(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String requestId = requestId(request.getHeader(REQUEST_ID_HEADER));
        Context parent = Tracing.fromTraceparent(request.getHeader("traceparent"));
        Span span = tracing.start(request.method().name(), SpanKind.SERVER, parent,
                Map.of("http.request.method", request.method().name(), "url.path", request.path(), "civmil.request_id", requestId));
        Tracing.attachToRequest(parent.with(span));
        rc.put(SPAN, span);
        rc.put(REQUEST_ID, requestId);
        MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
        MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
        MDC.put(REQUEST_ID, requestId);
        rc.addEndHandler(done -> {
            int status = rc.response().getStatusCode();
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        });
        rc.next();
    }

    /** The request's server span (for the gateway, which names it after its route and passes it on). */
    public static Span spanOf(RoutingContext rc) {
        Span span = rc.get(SPAN);
        return span == null ? Span.getInvalid() : span;
    }

    /** The request id this request goes by. */
    public static String requestIdOf(RoutingContext rc) {
        return rc.get(REQUEST_ID);
    }

    /** The caller's request id when it is a sane token (it ends up in logs and headers), else a new one. */
    static String requestId(String supplied) {
        if (supplied != null && VALID_REQUEST_ID.matcher(supplied).matches()) {
            return supplied;
        }
        // A random (version 4) UUID without SecureRandom, whose shared lock would serialize event loops:
        // request ids correlate logs, they are not secrets.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(0x3L << 62) | (0x2L << 62)).toString();
    }
}
