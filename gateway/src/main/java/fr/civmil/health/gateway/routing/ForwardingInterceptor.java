package fr.civmil.health.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import fr.civmil.health.platform.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * What the gateway adds to vertx-http-proxy for one route: trustworthy X-Forwarded-* headers, no
 * caller-supplied identity headers, the request id and trace context passed on, hop-by-hop headers
 * stripped both ways, chunked bodies counted against the limit (413), upstream failures turned into
 * problem+json (502, 504) and reported to the circuit of the instance that failed, as are the service's own 502, 503
 * and 504 answers (passed on as they are). A replayable request (GET, HEAD, or a write carrying an Idempotency-Key,
 * with a body of known size up to {@link #REPLAY_LIMIT}) is held, and sent once more to another instance when the
 * first dropped it (an instance killed mid-request). A client that leaves before its answer is complete is no
 * failure of the upstream: nothing is reported, nothing is sent, and the audit records 499.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    /**
     * RFC 9110 §7.6.1 hop-by-hop headers. vertx-http-proxy drops them from requests but copies most of
     * them into responses; Expect is answered by the gateway itself (handle-100-continue-automatically).
     */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect");

    /**
     * Headers by which a caller could pose as someone else to a service that trusts a proxy: dropped.
     * Services derive identity from the bearer token only.
     */
    private static final List<String> IDENTITY_PREFIXES = List.of("x-forwarded-", "x-real-ip", "x-client-", "x-user",
            "x-auth", "x-remote-", "remote-user", "x-roles", "x-consumer-", "x-civmil-", "x-original-", "x-gateway-");

    /** Set by the gateway on its own answer; an upstream's copy would duplicate them. */
    private static final Set<String> GATEWAY_RESPONSE_HEADERS = Set.of(GatewayRouter.REQUEST_ID.toLowerCase(Locale.ROOT),
            "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "access-control-allow-origin",
            "access-control-expose-headers", "access-control-allow-credentials");

    private static final String EXCHANGE = "civmil.exchange";

    /** What the audit records for a request its client abandoned (nginx's convention; never sent). */
    static final int CLIENT_CLOSED_REQUEST = 499;

    /**
     * Largest body held for a second attempt: commands are JSON of a few kilobytes; larger bodies (CSV imports)
     * stream through unheld and are not retried.
     */
    static final long REPLAY_LIMIT = 64 * 1024;

    private final GatewayRoute route;
    private final Balancer balancer;
    private final Problems problems;
    private final Map<HttpServerRequest, Exchange> handoff;
    private final long maxBodyBytes;
    private final UpstreamMeters meters;

    ForwardingInterceptor(GatewayRoute route, Balancer balancer, Problems problems, Map<HttpServerRequest, Exchange> handoff,
            long maxBodyBytes, UpstreamMeters meters) {
        this.meters = meters;
        this.route = route;
        this.balancer = balancer;
        this.problems = problems;
        this.handoff = handoff;
        this.maxBodyBytes = maxBodyBytes;
    }

    static Exchange exchange(ProxyContext context) {
        return context.get(EXCHANGE, Exchange.class);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        Exchange exchange = handoff.remove(client);
        context.set(EXCHANGE, exchange);
        MultiMap headers = request.headers();
        // Whatever the caller claims about its origin or identity is dropped: only the gateway's view reaches the services.
        drop(headers, lower -> lower.equals("forwarded") || startsWithAny(lower, IDENTITY_PREFIXES));
        headers.set(GatewayRouter.REQUEST_ID, exchange.requestId);
        headers.set("traceparent", exchange.traceparent);
        if (client.remoteAddress() != null) {
            headers.set("X-Forwarded-For", client.remoteAddress().hostAddress());
        }
        headers.set("X-Forwarded-Proto", client.scheme());
        HostAndPort authority = client.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host());
        }
        if (replayable(client)) {
            return held(request.getBody().stream()).compose(body -> {
                // Without a body or its length, nothing is sent as a body, as the client sent none.
                request.setBody(body.length() == 0 && client.getHeader(HttpHeaders.CONTENT_LENGTH) == null ? null : Body.body(body));
                return send(context, exchange, true);
            }, failure -> answerFailure(context, exchange, failure));
        }
        Body body = request.getBody();
        if (body != null && body.length() < 0) {
            request.setBody(Body.body(new LimitedBody(body.stream(), maxBodyBytes, exchange), -1));
        }
        return send(context, exchange, false);
    }

    /** Sends the request to the exchange's instance; a replayable one dropped there goes once to another. */
    private Future<ProxyResponse> send(ProxyContext context, Exchange exchange, boolean replayable) {
        Balancer.Instance instance = exchange.instance;
        long sent = System.nanoTime();
        return context.sendRequest()
                .onComplete(answered -> meters.record(instance, answered.succeeded() ? UpstreamMeters.outcome(answered.result().getStatusCode())
                        : timedOut(answered.cause()) ? UpstreamMeters.TIMEOUT : UpstreamMeters.UNREACHABLE, System.nanoTime() - sent))
                .onSuccess(answered -> {
                    if (saysUnavailable(answered.getStatusCode())) {
                        exchange.instance.breaker().failed(System.nanoTime());
                    } else {
                        exchange.instance.breaker().succeeded(System.nanoTime());
                    }
                })
                .recover(failure -> {
                    // A timeout is not retried: the client has already waited the route's timeout once.
                    Balancer.Instance dropped = exchange.instance;
                    Balancer.Instance other = replayable && !clientLeft(context.request().proxiedRequest()) && !resetForTheClient(failure)
                            && !timedOut(failure) ? balancer.failOver(exchange, System.nanoTime()) : null;
                    if (other == null) {
                        return answerFailure(context, exchange, failure);
                    }
                    LOG.debugf("%s instance-%d dropped %s %s (%s): sent again to instance-%d", route.name(), dropped.position(),
                            context.request().getMethod(), context.request().proxiedRequest().path(), failure.toString(), other.position());
                    return send(context, exchange, false);
                });
    }

    private Future<ProxyResponse> answerFailure(ProxyContext context, Exchange exchange, Throwable failure) {
        ProxyRequest request = context.request();
        // The client left first, and vertx-http-proxy reset the upstream request for it: the upstream did
        // nothing wrong, so its circuit hears nothing of it.
        return Future.succeededFuture(!exchange.bodyTooLarge && (clientLeft(request.proxiedRequest()) || resetForTheClient(failure))
                ? request.release().response().setStatusCode(CLIENT_CLOSED_REQUEST)
                : failed(request, exchange, failure));
    }

    /**
     * GET and HEAD, and writes that carry an Idempotency-Key (the service answers a second attempt with the first
     * one's outcome), whose body has a declared size up to {@link #REPLAY_LIMIT}.
     */
    static boolean replayable(HttpServerRequest client) {
        String method = client.method().name();
        if (!(method.equals("GET") || method.equals("HEAD") || client.headers().contains("Idempotency-Key"))
                || client.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return false;
        }
        return GatewayRouter.declaredLength(client) <= REPLAY_LIMIT; // -1 without a body
    }

    /** The whole body of a replayable request, read before anything is sent. */
    private static Future<Buffer> held(ReadStream<Buffer> stream) {
        Promise<Buffer> read = Promise.promise();
        Buffer body = Buffer.buffer();
        stream.exceptionHandler(read::tryFail).endHandler(end -> read.tryComplete(body)).handler(body::appendBuffer);
        stream.resume();
        return read.future();
    }

    private static boolean timedOut(Throwable failure) {
        return failure instanceof TimeoutException || failure instanceof io.netty.channel.ConnectTimeoutException;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        HttpServerRequest client = context.request().proxiedRequest();
        if (clientLeft(client)) {
            return Future.succeededFuture(); // nobody to answer; the upstream request was reset when the client left
        }
        MultiMap headers = context.response().headers();
        drop(headers, GATEWAY_RESPONSE_HEADERS::contains);
        // vertx-http-proxy parses the service's Date and writes it again, the costliest step of its answer (JFR): it
        // writes the current time instead when there is none, and the exchange puts the service's own back.
        exchange(context).upstreamDate = headers.get(HttpHeaders.DATE);
        headers.remove(HttpHeaders.DATE);
        // A client leaving mid-answer fails the pipe, which resets both sides once. Reporting that failure
        // would make vertx-http-proxy release the answer and send a 502 on the closed connection, releasing
        // its buffers a second time: the client's leaving is an outcome, not a failure.
        return context.sendResponse().recover(failure -> clientLeft(client) ? Future.succeededFuture() : Future.failedFuture(failure));
    }

    /**
     * The upstream request was reset on this side for the client: vertx-http-proxy does so, with the client's failure as
     * the cause, when the client's connection fails (an RST is reported as an exception before the connection counts as
     * closed). A reset without a cause is the proxy's own when piping the body up failed, the upstream gone: that is
     * the upstream's failure. (A body over the limit is told apart before.) Upstreams speak HTTP/1.1, which has no
     * stream reset of its own: their failures are closed connections and timeouts.
     */
    private static boolean resetForTheClient(Throwable failure) {
        return failure instanceof StreamResetException reset && reset.getCode() == 0 && reset.getCause() != null;
    }

    /** The client closed its connection (or reset its stream) before its answer was complete. */
    static boolean clientLeft(HttpServerRequest client) {
        return client.response().closed() && !client.response().ended();
    }

    /**
     * 502, 503 and 504 from the service say that it (or what stands behind it) is overloaded or away: the
     * circuit counts them like a refused connection. Any other answer, 500 included, proves the service is
     * there and answering: a 500 is a bug in handling that request, and opening the circuit on it would
     * let one faulty request shut the service for every caller.
     */
    static boolean saysUnavailable(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    /**
     * Removes, in one pass over the headers present, the hop-by-hop headers, those the Connection header names as
     * hop-by-hop for this message, and those whose lower-case name {@code alsoDropped} accepts.
     */
    private static void drop(MultiMap headers, Predicate<String> alsoDropped) {
        List<String> named = new ArrayList<>();
        for (String connection : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : connection.split(",")) {
                named.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        List<String> dropped = new ArrayList<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || named.contains(lower) || alsoDropped.test(lower)) {
                dropped.add(name);
            }
        }
        dropped.forEach(headers::remove);
    }

    private static boolean startsWithAny(String lower, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** 504 when the upstream stayed silent, 502 otherwise; the detail names the route, never an address. */
    private ProxyResponse failed(ProxyRequest request, Exchange exchange, Throwable failure) {
        String path = request.proxiedRequest().path();
        if (exchange.bodyTooLarge) {
            request.release();
            return request.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .setBody(Body.body(problems.body(request.proxiedRequest(), 413, "payload-too-large", path, maxBodyBytes)));
        }
        exchange.instance.breaker().failed(System.nanoTime());
        boolean timeout = timedOut(failure);
        LOG.warnf("%s %s: %s failed: %s", request.getMethod(), path, route.name(), failure.toString());
        int status = timeout ? 504 : 502;
        request.release(); // drains what is left of the client's body
        return request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(timeout
                        ? problems.body(request.proxiedRequest(), 504, "gateway-timeout", path, route.name(), seconds(route))
                        : problems.body(request.proxiedRequest(), 502, "bad-gateway", path, route.name())));
    }

    private static String seconds(GatewayRoute route) {
        long millis = route.timeout().toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
