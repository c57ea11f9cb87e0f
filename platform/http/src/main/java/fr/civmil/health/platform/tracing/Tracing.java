package fr.civmil.health.platform.tracing;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * W3C trace context through the suite with the OpenTelemetry SDK: the HTTP layer ({@link HttpTracing}) starts or
 * continues a request's trace, the outbox stores it with each event, the relay publishes it as the CloudEvents
 * {@code traceparent} extension and the inbox continues it while a consumer applies the event. Spans are exported
 * over OTLP when {@code civmil.tracing.otlp-endpoint} is set, and to any {@link SpanExporter} bean (tests).
 */
@Singleton
public class Tracing {

    /** Where a request's context waits for the worker thread that serves it (same Vert.x duplicated context). */
    private static final String CONTEXT_LOCAL = "civmil.trace-context";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    private static final IdGenerator IDS = IdGenerator.random();

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    /** False when no exporter is set: the SDK's spans would then be recorded for nobody. */
    private final boolean recording;

    public Tracing(TracingConfig config, @Any Instance<SpanExporter> exporters,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service))));
        config.otlpEndpoint().ifPresent(endpoint -> builder.addSpanProcessor(BatchSpanProcessor.builder(
                OtlpHttpSpanExporter.builder().setEndpoint(endpoint.replaceAll("/+$", "") + "/v1/traces").build())
                .setScheduleDelay(config.exportDelay()).build()));
        exporters.forEach(exporter -> builder.addSpanProcessor(SimpleSpanProcessor.create(exporter)));
        this.recording = config.otlpEndpoint().isPresent() || exporters.iterator().hasNext();
        this.provider = builder.build();
        this.tracer = provider.get("fr.civmil.health");
    }

    @PreDestroy
    void shutDown() {
        provider.shutdown().join(2, TimeUnit.SECONDS);
    }

    /** Starts a span of the given kind under {@code parent} (a new trace when it holds none). */
    public Span start(String name, SpanKind kind, Context parent, Map<String, String> attributes) {
        if (!recording) {
            return propagating(parent);
        }
        var span = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent);
        attributes.forEach(span::setAttribute);
        return span.startSpan();
    }

    /**
     * A span that only carries the trace on (logs, traceparent of calls and events): the ids and sampled flag the SDK's
     * default sampler would give, so that a service further on that exports still records the trace. Recording spans
     * for no exporter was 9 % of the gateway's CPU samples under load (JFR).
     */
    static Span propagating(Context parent) {
        SpanContext parentSpan = Span.fromContext(parent).getSpanContext();
        return Span.wrap(parentSpan.isValid()
                ? SpanContext.create(parentSpan.getTraceId(), IDS.generateSpanId(), parentSpan.getTraceFlags(), parentSpan.getTraceState())
                : SpanContext.create(IDS.generateTraceId(), IDS.generateSpanId(), TraceFlags.getSampled(), TraceState.getDefault()));
    }

    /** The context a W3C {@code traceparent} value carries; the root context when it is absent or malformed. */
    public static Context fromTraceparent(String traceparent) {
        return traceparent == null ? Context.root() : W3C.extract(Context.root(), traceparent, TRACEPARENT);
    }

    /** A span's W3C {@code traceparent} value, or null when it has no valid context. */
    public static String traceparentOf(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /**
     * The trace context of the work in progress: the thread's (a consumer applying an event) or else the HTTP
     * request's, which the worker thread serving it finds on the request's Vert.x context.
     */
    public static Context current() {
        Context thread = Context.current();
        if (Span.fromContext(thread).getSpanContext().isValid() || !VertxContext.isOnDuplicatedContext()) {
            return thread;
        }
        Context request = ContextLocals.get(CONTEXT_LOCAL, null);
        return request == null ? thread : request;
    }

    /** The W3C {@code traceparent} of {@link #current()}, or null outside any trace. */
    public static String currentTraceparent() {
        return traceparentOf(Span.fromContext(current()).getSpanContext());
    }

    /** Makes {@code context} the current request's, for the threads that serve it. */
    static void attachToRequest(Context context) {
        ContextLocals.put(CONTEXT_LOCAL, context);
    }
}
