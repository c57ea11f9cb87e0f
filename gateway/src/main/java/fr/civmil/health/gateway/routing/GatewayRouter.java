package fr.civmil.health.gateway.routing;

import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;

/**
 * Puts the reverse proxy on Quarkus' router: every path outside /q goes to the route owning it, streamed
 * on the event loop by vertx-http-proxy (bodies are piped, never buffered); a path no route owns is a 404.
 */
@Singleton
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);

    private final RouteTable table;
    private final Problems problems;
    private final Map<GatewayRoute, HttpProxy> proxies = new IdentityHashMap<>();

    public GatewayRouter(RouteTable table, UpstreamClient client, Problems problems) {
        this.table = table;
        this.problems = problems;
        // WebSocket support off: its upgrade path would skip the interceptor and forward headers untouched.
        ProxyOptions options = new ProxyOptions().setSupportWebSocket(false);
        for (GatewayRoute route : table.routes()) {
            proxies.put(route, HttpProxy.reverseProxy(options, client.http())
                    .origin(context -> client.request(route.nextUpstream(), route.timeout()))
                    .addInterceptor(new ForwardingInterceptor(route, problems)));
        }
    }

    void install(@Observes Router router) {
        table.routes().forEach(route -> LOG.infof("Route %s: %s -> %d instance(s), timeout %s", route.name(),
                String.join(", ", route.prefixes()), route.upstreams().size(), route.timeout()));
        // Before Quarkus' default handlers; /q/* is handed back to them.
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::dispatch);
    }

    private void dispatch(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (RouteTable.isLocal(path)) {
            rc.next();
            return;
        }
        // Routing on the normalized path but forwarding the raw one would let /api/v1/doctors/../../q/...
        // reach a service's own /q endpoints: non-canonical paths are refused instead.
        if (!path.equals(rc.request().path())) {
            problems.send(rc.response(), 400, "bad-request", "Invalid request",
                    "The path must not contain '.' or '..' segments, '//' or encoded unreserved characters", path);
            return;
        }
        table.match(path).ifPresentOrElse(
                route -> proxies.get(route).handle(rc.request()),
                () -> problems.send(rc.response(), 404, "not-found", "Not found", "No service serves " + path, path));
    }
}
