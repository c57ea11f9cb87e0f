package fr.civmil.health.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-memory OTLP/HTTP trace receiver for test stacks: the services export their spans to it
 * ({@code civmil.tracing.otlp-endpoint}) and tests read whole traces back. It keeps the last
 * {@value #CAPACITY} spans. OTLP's messages are read by field number with protobuf's generic parser, for the few
 * fields a test asks about (opentelemetry-proto's generated classes would bring a second protobuf runtime).
 */
public final class TraceCollector implements AutoCloseable {

    static final int CAPACITY = 20_000;

    /** One span as exported: ids in lowercase hex, parent empty for a root span. */
    public record CollectedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind) {
    }

    /** OTLP's SpanKind numbering. */
    public enum Kind {
        UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER
    }

    private final HttpServer server;
    private final Deque<CollectedSpan> spans = new ArrayDeque<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    public static TraceCollector start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TraceCollector collector = new TraceCollector(server);
        server.createContext("/v1/traces", collector::receive);
        server.start();
        return collector;
    }

    /** The base URL services export to. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The spans of one trace received so far. */
    public synchronized List<CollectedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            List<CollectedSpan> received = parse(body.readAllBytes());
            synchronized (this) {
                for (CollectedSpan span : received) {
                    if (spans.size() == CAPACITY) {
                        spans.removeFirst();
                    }
                    spans.addLast(span);
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
        } catch (InvalidProtocolBufferException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    /** ExportTraceServiceRequest: resource_spans = 1 { resource = 1 { attributes = 1 }, scope_spans = 2 { spans = 2 } }. */
    static List<CollectedSpan> parse(byte[] request) throws InvalidProtocolBufferException {
        List<CollectedSpan> result = new ArrayList<>();
        for (ByteString resourceSpans : fields(UnknownFieldSet.parseFrom(request), 1)) {
            UnknownFieldSet message = UnknownFieldSet.parseFrom(resourceSpans);
            String service = serviceName(message);
            for (ByteString scopeSpans : fields(message, 2)) {
                for (ByteString span : fields(UnknownFieldSet.parseFrom(scopeSpans), 2)) {
                    result.add(span(service, UnknownFieldSet.parseFrom(span)));
                }
            }
        }
        return result;
    }

    /** Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6. */
    private static CollectedSpan span(String service, UnknownFieldSet span) {
        List<Long> kind = span.hasField(6) ? span.getField(6).getVarintList() : List.of();
        return new CollectedSpan(service, hex(span, 1), hex(span, 2), hex(span, 4), text(span, 5),
                Kind.values()[kind.isEmpty() ? 0 : Math.min(kind.get(0).intValue(), Kind.values().length - 1)]);
    }

    /** Resource attributes: KeyValue { key = 1, value = 2 { string_value = 1 } }. */
    private static String serviceName(UnknownFieldSet resourceSpans) throws InvalidProtocolBufferException {
        for (ByteString resource : fields(resourceSpans, 1)) {
            for (ByteString attribute : fields(UnknownFieldSet.parseFrom(resource), 1)) {
                UnknownFieldSet keyValue = UnknownFieldSet.parseFrom(attribute);
                if (text(keyValue, 1).equals("service.name") && keyValue.hasField(2)) {
                    return text(UnknownFieldSet.parseFrom(fields(keyValue, 2).get(0)), 1);
                }
            }
        }
        return "";
    }

    private static List<ByteString> fields(UnknownFieldSet message, int number) {
        return message.hasField(number) ? message.getField(number).getLengthDelimitedList() : List.of();
    }

    private static String text(UnknownFieldSet message, int number) {
        List<ByteString> values = fields(message, number);
        return values.isEmpty() ? "" : values.get(0).toStringUtf8();
    }

    private static String hex(UnknownFieldSet message, int number) {
        List<ByteString> values = fields(message, number);
        return values.isEmpty() ? "" : HexFormat.of().formatHex(values.get(0).toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
