package fr.civmil.health.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import fr.civmil.health.platform.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * What the gateway adds to vertx-http-proxy for one route: trustworthy X-Forwarded-* headers, hop-by-hop
 * headers stripped both ways, and upstream failures turned into problem+json (502, 504).
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    /**
     * RFC 9110 §7.6.1 hop-by-hop headers. vertx-http-proxy drops them from requests but copies most of
     * them into responses; Expect is answered by the gateway itself (handle-100-continue-automatically).
     */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect");

    private final GatewayRoute route;
    private final Problems problems;

    ForwardingInterceptor(GatewayRoute route, Problems problems) {
        this.route = route;
        this.problems = problems;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        MultiMap headers = request.headers();
        stripHopByHop(headers);
        // Whatever the caller claims about its origin is dropped: only the gateway's view reaches the services.
        for (String name : new ArrayList<>(headers.names())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-forwarded-") || lower.equals("forwarded")) {
                headers.remove(name);
            }
        }
        if (client.remoteAddress() != null) {
            headers.set("X-Forwarded-For", client.remoteAddress().hostAddress());
        }
        headers.set("X-Forwarded-Proto", client.scheme());
        HostAndPort authority = client.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host());
        }
        return context.sendRequest().recover(failure -> Future.succeededFuture(failed(request, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        stripHopByHop(context.response().headers());
        return context.sendResponse();
    }

    /** The hop-by-hop headers, plus those the Connection header names as hop-by-hop for this message. */
    private static void stripHopByHop(MultiMap headers) {
        List<String> named = new ArrayList<>();
        for (String connection : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : connection.split(",")) {
                named.add(token.trim());
            }
        }
        named.forEach(headers::remove);
        HOP_BY_HOP.forEach(headers::remove);
    }

    /** 504 when the upstream stayed silent, 502 otherwise; the detail names the route, never an address. */
    private ProxyResponse failed(ProxyRequest request, Throwable failure) {
        boolean timeout = failure instanceof TimeoutException || failure instanceof io.netty.channel.ConnectTimeoutException;
        String path = request.proxiedRequest().path();
        LOG.warnf("%s %s: %s failed: %s", request.getMethod(), path, route.name(), failure.toString());
        int status = timeout ? 504 : 502;
        String detail = timeout
                ? route.name() + " did not answer within " + seconds(route) + "; try again later"
                : route.name() + " is unavailable; try again later";
        request.release(); // drains what is left of the client's body
        return request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(timeout
                        ? problems.body(504, "gateway-timeout", "Gateway timeout", detail, path)
                        : problems.body(502, "bad-gateway", "Bad gateway", detail, path)));
    }

    private static String seconds(GatewayRoute route) {
        long millis = route.timeout().toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
