package fr.civmil.health.clients.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.civmil.health.clients.zones.ApiClient;
import fr.civmil.health.clients.zones.api.PriorityZonesApi;
import fr.civmil.health.clients.zones.model.ZoneDesignationRequest;
import fr.civmil.health.clients.zones.model.ZoneStatus;
import fr.civmil.health.devstack.TraceCollector.CollectedSpan;
import fr.civmil.health.devstack.TraceCollector.Kind;

/**
 * One trace from the caller to every consumer: a designation sent through the gateway with the caller's W3C
 * trace context is one trace across four processes (gateway → zones-service → its outbox relay → Kafka →
 * referral-network-service's and partnership-service's projections), each span the child of the one before, as
 * the processes exported them over OTLP to the stack's collector.
 */
@ExtendWith(Stack.class)
class TracingTest {

    @Test
    void oneTraceSpansTheGatewayTheServiceItsEventAndEachConsumer() throws Exception {
        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(randomBytes(16));
        String callerSpan = hex.formatHex(randomBytes(8));
        ApiClient client = ZonesClientTest.client("ars");
        client.setRequestInterceptor(request -> {
            Stack.bearer("ars").accept(request);
            request.header("traceparent", "00-" + traceId + "-" + callerSpan + "-01");
        });
        new PriorityZonesApi(client).designatePriorityZone(PriorityZonesApi.APIDesignatePriorityZoneRequest.newBuilder()
                .zoneDesignationRequest(new ZoneDesignationRequest().epciSiren("200044469")
                        .campaign("trace-" + UUID.randomUUID().toString().substring(0, 8)).status(ZoneStatus.DESIGNATED)
                        .targetDaysPerMonth(BigDecimal.valueOf(4)))
                .build());

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<CollectedSpan> trace = Stack.traces().trace(traceId);
            CollectedSpan gateway = only(trace, "gateway", Kind.SERVER);
            assertEquals(callerSpan, gateway.parentSpanId(), "the gateway continues the caller's trace");
            CollectedSpan zones = only(trace, "zones-service", Kind.SERVER);
            assertEquals(gateway.spanId(), zones.parentSpanId(), "the service continues the gateway's span");
            CollectedSpan published = only(trace, "zones-service", Kind.PRODUCER);
            assertEquals("publish zones.events.v1", published.name());
            assertEquals(zones.spanId(), published.parentSpanId(), "the relay publishes the event under the request that recorded it");
            for (String consumer : List.of("referral-network-service", "partnership-service")) {
                CollectedSpan applied = only(trace, consumer, Kind.CONSUMER);
                assertEquals("process fr.civmil.zones.priority-zone.designated.v1", applied.name());
                assertEquals(published.spanId(), applied.parentSpanId(), consumer + " applies the event in the publisher's trace");
            }
        });
    }

    private static CollectedSpan only(List<CollectedSpan> trace, String service, Kind kind) {
        List<CollectedSpan> found = trace.stream().filter(span -> span.service().equals(service) && span.kind() == kind).toList();
        assertEquals(1, found.size(), () -> "one " + kind + " span of " + service + " in " + describe(trace));
        return found.get(0);
    }

    private static String describe(List<CollectedSpan> trace) {
        return trace.stream().map(span -> span.service() + "/" + span.kind() + " " + span.name()).collect(Collectors.toSet()).toString();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros, which W3C trace context forbids
        return bytes;
    }
}
