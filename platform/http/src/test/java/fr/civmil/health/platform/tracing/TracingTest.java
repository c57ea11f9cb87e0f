package fr.civmil.health.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;

/** Spans when no exporter is set: the trace must still reach the next service as the SDK would have sent it. */
class TracingTest {

    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aCallersTraceGoesOnWithItsSampledFlagUnderANewSpan() {
        Context caller = Tracing.fromTraceparent("00-" + CALLER_TRACE + "-00f067aa0ba902b7-01");
        SpanContext span = Tracing.propagating(caller).getSpanContext();

        assertTrue(span.isValid());
        assertEquals(CALLER_TRACE, span.getTraceId());
        assertNotEquals("00f067aa0ba902b7", span.getSpanId());
        assertEquals("00-" + CALLER_TRACE + "-" + span.getSpanId() + "-01", Tracing.traceparentOf(span));
    }

    @Test
    void aCallerThatDoesNotSampleIsNotSampledFurtherOn() {
        Context caller = Tracing.fromTraceparent("00-" + CALLER_TRACE + "-00f067aa0ba902b7-00");
        assertFalse(Tracing.propagating(caller).getSpanContext().isSampled());
    }

    @Test
    void withoutACallerANewSampledTraceStartsEachTime() {
        Span first = Tracing.propagating(Tracing.fromTraceparent(null));
        Span second = Tracing.propagating(Tracing.fromTraceparent("not a traceparent"));

        assertTrue(first.getSpanContext().isValid() && first.getSpanContext().isSampled());
        assertTrue(second.getSpanContext().isValid() && second.getSpanContext().isSampled());
        assertNotEquals(first.getSpanContext().getTraceId(), second.getSpanContext().getTraceId());
        assertFalse(first.isRecording(), "nothing would read what it records");
    }
}
