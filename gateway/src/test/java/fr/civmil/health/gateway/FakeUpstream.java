package fr.civmil.health.gateway;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * A real HTTP server standing in for a service. It reports what it received in X-Seen-* response headers,
 * names itself in X-Upstream, and echoes the request body back as it arrives (chunk by chunk), so tests
 * can see streaming both ways. {@code ?delayMs=N} makes it answer late; {@code ?bytes=N} streams a body of N bytes
 * made of the X-Probe header, slowly; {@link #failWith} makes it answer an
 * error to everything, as an overloaded service does; {@link #drop} makes it close connections unanswered.
 */
public final class FakeUpstream {

    /** Request headers reported back as X-Seen-&lt;name&gt; when present. */
    static final List<String> REPORTED = List.of("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded",
            "X-Forwarded-Port", "Authorization", "Host", "Keep-Alive", "X-Hop", "Proxy-Authorization", "Expect",
            "Content-Length", "Transfer-Encoding", "X-Request-Id", "traceparent", "X-User-Id", "X-Roles", "X-Client-Id",
            "X-Real-IP");

    /** The Date header of every API answer: in the past, so that the gateway's own clock cannot pass for it. */
    static final String DATE = "Tue, 01 Dec 2026 09:30:00 GMT";

    private final Vertx vertx;
    private final String name;
    private final int port;
    private final AtomicInteger received = new AtomicInteger();
    private volatile int failingWith;
    private volatile boolean dropping;
    private HttpServer server;

    FakeUpstream(Vertx vertx, String name, int port) {
        this.vertx = vertx;
        this.name = name;
        this.port = port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts listening unless it already does (two servers on one port would share it in Vert.x). */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = await(vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1"));
    }

    /** Closes the listening socket and its connections: the gateway then gets "connection refused". */
    public synchronized void stop() {
        if (server != null) {
            await(server.close());
            server = null;
        }
    }

    /** From now on, answers every API request with this status (e.g. 503, as an overloaded service does); 0: normally again. */
    public void failWith(int status) {
        failingWith = status;
    }

    /** From now on, reads each API request whole and closes the connection unanswered, as a service killed mid-request; false: normally again. */
    public void drop(boolean requests) {
        dropping = requests;
    }

    /** API requests received so far (health and OpenAPI excluded). */
    public int received() {
        return received.get();
    }

    private void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (request.path().equals("/q/health/ready")) {
            response.putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            return;
        }
        if (request.path().equals("/q/openapi")) {
            // The zones fake publishes one read-only path, as the real document does, for the gateway's 405s.
            String paths = name.equals("zones") ? "{\"/api/v1/territories/communes/{insee}\":{\"get\":{}}}" : "{}";
            response.putHeader("Content-Type", "application/json")
                    .end("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\",\"version\":\"1.0.0\"},\"paths\":" + paths + "}");
            return;
        }
        received.incrementAndGet();
        if (dropping) {
            request.body().onComplete(read -> request.connection().close());
            return;
        }
        if (failingWith != 0) {
            response.setStatusCode(failingWith).putHeader("X-Upstream", name).putHeader("Retry-After", "30")
                    .putHeader("Content-Type", "application/json").end("{\"error\":\"" + name + " is overloaded\"}");
            return;
        }
        response.putHeader("X-Upstream", name)
                .putHeader("X-Seen-Method", request.method().name())
                .putHeader("X-Seen-Uri", request.uri())
                // Hop-by-hop headers of our own, which the gateway must not pass on to its client.
                .putHeader("Keep-Alive", "timeout=5")
                .putHeader("Proxy-Authenticate", "Basic realm=\"upstream\"")
                // A request id of its own, which the gateway's must replace.
                .putHeader("X-Request-Id", "upstream-made-this-up")
                // A clock of its own, which the gateway passes on as it is.
                .putHeader("Date", DATE);
        for (String header : REPORTED) {
            if (request.headers().contains(header)) {
                response.putHeader("X-Seen-" + header, String.join(",", request.headers().getAll(header)));
            }
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null) {
            response.putHeader("Content-Type", contentType);
        }
        String size = request.getParam("bytes");
        if (size != null) {
            request.body().onSuccess(ignored -> stream(response, body(request.getHeader("X-Probe"), Integer.parseInt(size)), 0,
                    request.getParam("delayMs") == null ? 0 : Long.parseLong(request.getParam("delayMs"))));
            return;
        }
        String delay = request.getParam("delayMs");
        if (delay != null) {
            request.body().onSuccess(body -> vertx.setTimer(Long.parseLong(delay), t -> {
                if (!response.closed()) {
                    response.end(body);
                }
            }));
            return;
        }
        // Echo each piece of the body as soon as it arrives.
        response.setChunked(true);
        request.handler(response::write);
        request.endHandler(done -> response.end());
    }

    /** The body of {@code ?bytes=N}: the request's X-Probe line repeated, so each client can recognise its own. */
    static byte[] body(String probe, int size) {
        byte[] line = ((probe == null ? "-" : probe) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = line[i % line.length];
        }
        return body;
    }

    /** Writes the body 4 KiB at a time, a millisecond apart (after {@code delayMs} for the first), as a slow service does. */
    private void stream(HttpServerResponse response, byte[] body, int from, long delayMs) {
        if (response.closed()) {
            return;
        }
        if (from == 0) {
            response.putHeader("Content-Length", String.valueOf(body.length));
        }
        vertx.setTimer(Math.max(1, delayMs), t -> {
            if (response.closed()) {
                return;
            }
            int to = Math.min(body.length, from + 4096);
            io.vertx.core.buffer.Buffer chunk = io.vertx.core.buffer.Buffer.buffer(java.util.Arrays.copyOfRange(body, from, to));
            if (to == body.length) {
                response.end(chunk);
            } else {
                response.write(chunk);
                stream(response, body, to, 1);
            }
        });
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
