package fr.civmil.health.gateway.routing;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import fr.civmil.health.gateway.audit.AuditRecord;
import fr.civmil.health.gateway.audit.AuditTrail;
import fr.civmil.health.gateway.config.EdgeConfig;
import fr.civmil.health.gateway.quota.Quota;
import fr.civmil.health.gateway.quota.QuotaLimiter;
import fr.civmil.health.gateway.security.AccessPolicy;
import fr.civmil.health.gateway.security.Identity;
import fr.civmil.health.gateway.security.TokenVerifier;
import fr.civmil.health.platform.strict.AllowedMethods;
import fr.civmil.health.platform.tracing.HttpTracing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;

/**
 * The gateway's request pipeline on Quarkus' router, for every path outside /q, all on the event loop:
 * request id and trace context, CORS, body limit, route lookup, method (405, OPTIONS), bearer token (401), role policy (403),
 * quota (429), an instance whose circuit lets it pass (503 when none), then the streaming reverse proxy (bodies are piped, never
 * buffered). Every request ends as one audit record, except quota refusals, counted per client, route and
 * minute. /api/v1/audit is served by the gateway itself
 * (JAX-RS) once it has passed the same checks; /api-docs is public documentation.
 */
@Singleton
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);
    /** One line per request answered (method, path without its query, status, duration, route, instance). */
    private static final Logger ACCESS = Logger.getLogger("gateway.access");

    static final String REQUEST_ID = HttpTracing.REQUEST_ID_HEADER;
    static final String AUDIT_PATH = "/api/v1/audit";
    static final String LOCAL_ROUTE = "gateway";
    private static final String CHALLENGE = "Bearer realm=\"civmil-health\"";
    /** How often ejected instances are looked at, and how long one has to say it is ready. */
    private static final long READINESS_SWEEP_MILLIS = 100;
    private static final Duration READINESS_CHECK_TIMEOUT = Duration.ofMillis(500);

    private final RouteTable table;
    private final Problems problems;
    private final TokenVerifier tokens;
    private final AccessPolicy policy;
    private final QuotaLimiter quotas;
    private final AuditTrail audit;
    private final PublicPages docs;
    private final UpstreamOperations operations;
    private final UpstreamClient client;
    private final AllowedMethods localMethods;
    private final Cors cors;
    private final long maxBodyBytes;
    private final long refusalDelayMillis;
    private final Map<GatewayRoute, HttpProxy> proxies = new IdentityHashMap<>();
    private final Map<GatewayRoute, Balancer> balancers = new IdentityHashMap<>();
    private final MeterRegistry meters;
    /** Hands each exchange to the proxy's interceptor, which removes it at once. */
    private final ConcurrentHashMap<HttpServerRequest, Exchange> handoff = new ConcurrentHashMap<>();

    public GatewayRouter(RouteTable table, UpstreamClient client, Problems problems, TokenVerifier tokens, AccessPolicy policy,
            QuotaLimiter quotas, AuditTrail audit, PublicPages docs, UpstreamOperations operations, AllowedMethods localMethods, EdgeConfig edge,
            MeterRegistry meters, Vertx vertx) {
        this.table = table;
        this.problems = problems;
        this.tokens = tokens;
        this.policy = policy;
        this.quotas = quotas;
        this.audit = audit;
        this.docs = docs;
        this.operations = operations;
        this.client = client;
        this.localMethods = localMethods;
        this.meters = meters;
        this.cors = new Cors(edge.cors().origins().orElse(List.of()), edge.cors().maxAge().toSeconds());
        this.maxBodyBytes = edge.maxBodySize().asLongValue();
        this.refusalDelayMillis = edge.quota().refusalDelay().toMillis();
        // WebSocket support off: its upgrade path would skip the interceptor and forward headers untouched.
        ProxyOptions options = new ProxyOptions().setSupportWebSocket(false);
        for (GatewayRoute route : table.routes()) {
            Balancer balancer = new Balancer(route, edge.breaker());
            balancers.put(route, balancer);
            for (Balancer.Instance instance : balancer.instances()) {
                // The enum's order: 0 CLOSED, 1 OPEN (ejected), 2 HALF_OPEN (probing).
                Gauge.builder("gateway_upstream_circuit_state", instance, i -> i.breaker().state().ordinal())
                        .description("Circuit of an upstream instance: 0 closed, 1 open (ejected), 2 half-open (one probe let through)")
                        .tags("route", route.name(), "upstream", "instance-" + instance.position())
                        .register(meters);
            }
            proxies.put(route, HttpProxy.reverseProxy(options, client.http())
                    .origin(context -> connect(route, balancer, ForwardingInterceptor.exchange(context)))
                    .addInterceptor(new ForwardingInterceptor(route, balancer, problems, handoff, route.maxBodyBytes().orElse(maxBodyBytes),
                            new UpstreamMeters(route, balancer, meters))));
        }
        vertx.setPeriodic(READINESS_SWEEP_MILLIS, tick -> checkEjectedInstances());
    }

    /** Asks each ejected instance due for it whether it is ready; a ready one gets the next request as its probe. */
    private void checkEjectedInstances() {
        long now = System.nanoTime();
        balancers.values().forEach(balancer -> balancer.instances().forEach(instance -> {
            if (instance.breaker().readinessCheckDue(now)) {
                client.readiness(instance.management(), READINESS_CHECK_TIMEOUT).onComplete(checked -> instance.breaker()
                        .readinessChecked(System.nanoTime(), checked.succeeded() && checked.result() == 200));
            }
        }));
    }

    /**
     * A connection to the instance chosen for the exchange. Nothing has been sent while the connection is not
     * there, so when it cannot be had (refused, timed out) the request, whatever its method, is tried once on
     * another instance that may take it (once per request), and the failure counts against the first one's circuit.
     * When there is no other, the failure is the interceptor's to answer (502/504) and to count.
     */
    private Future<HttpClientRequest> connect(GatewayRoute route, Balancer balancer, Exchange exchange) {
        Balancer.Instance instance = exchange.instance;
        exchange.upstream = instance.upstream();
        return client.request(instance.upstream(), route.connectTimeout(), route.timeout())
                .onSuccess(request -> exchange.upstreamRequest = request)
                .recover(failure -> {
                    Balancer.Instance other = balancer.failOver(exchange, System.nanoTime());
                    if (other == null) {
                        return Future.failedFuture(failure);
                    }
                    LOG.debugf("%s instance-%d unreachable (%s): retried on instance-%d", route.name(), instance.position(),
                            failure.toString(), other.position());
                    return connect(route, balancer, exchange);
                });
    }

    /**
     * The circuits of a route, for the health details: {@code breaker} for the route as a whole (CLOSED, DEGRADED
     * when some instance is ejected, OPEN when none can take a request) and {@code instance-N-breaker} for each.
     */
    public Map<String, String> circuits(GatewayRoute route) {
        Balancer balancer = balancers.get(route);
        Map<String, String> states = new LinkedHashMap<>();
        states.put("breaker", balancer.state(System.nanoTime()));
        balancer.instances().forEach(instance -> states.put("instance-" + instance.position() + "-breaker",
                instance.breaker().state().name()));
        return states;
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
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        // The platform's first handler took the request id and started the request's span: the upstream continues it.
        Exchange exchange = new Exchange(HttpTracing.requestIdOf(rc), HttpTracing.spanOf(rc));
        response.putHeader(REQUEST_ID, exchange.requestId);
        rc.addHeadersEndHandler(headers -> {
            if (exchange.upstreamDate != null) {
                response.headers().set(HttpHeaders.DATE, exchange.upstreamDate);
            }
        });
        rc.addEndHandler(done -> audit(rc, exchange, path));

        // Routing on the normalized path but forwarding the raw one would let /api/v1/doctors/../../q/...
        // reach a service's own /q endpoints: non-canonical paths are refused instead.
        if (!path.equals(request.path())) {
            reject(request, 400, "bad-request.path", path);
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameOrigin(request, origin)) {
            if (!cors.allows(origin)) {
                reject(request, 403, "cors-origin-refused", path, origin);
                return;
            }
            if (request.method().name().equals("OPTIONS") && request.getHeader("Access-Control-Request-Method") != null) {
                cors.addPreflightTo(response.headers(), origin);
                response.setStatusCode(204).end();
                return;
            }
            cors.addTo(response.headers(), origin);
        }
        if (docs.owns(path)) {
            docs.handle(rc, path);
            return;
        }
        Optional<GatewayRoute> route = table.match(path);
        long limit = route.flatMap(GatewayRoute::maxBodyBytes).orElse(maxBodyBytes);
        if (declaredLength(request) > limit) {
            // The body is never read: the connection closes once the answer is out.
            response.putHeader(HttpHeaders.CONNECTION, "close");
            problems.send(request, 413, "payload-too-large", path, limit).onComplete(done -> request.connection().close());
            return;
        }
        boolean local = RouteTable.owns(AUDIT_PATH, path);
        if (route.isEmpty() && !local) {
            reject(request, 404, "not-found.route", path, path);
            return;
        }
        exchange.route = route.orElse(null);
        exchange.routeName = route.map(GatewayRoute::name).orElse(LOCAL_ROUTE);
        exchange.span.updateName(request.method().name() + " " + exchange.routeName);
        exchange.span.setAttribute("civmil.route", exchange.routeName);
        if (answeredMethod(request, response, route.orElse(null), path)) {
            return;
        }

        String token = bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            response.putHeader("WWW-Authenticate", CHALLENGE);
            reject(request, 401, "unauthenticated.required", path);
            return;
        }
        // Nothing of the body may be lost while the token is checked (possibly on a worker).
        request.pause();
        tokens.verify(token).onComplete(verified -> {
            if (verified.failed()) {
                LOG.debugf("Token refused on %s: %s", path, verified.cause().getMessage());
                response.putHeader("WWW-Authenticate", CHALLENGE
                        + ", error=\"invalid_token\", error_description=\"the token is malformed, expired, or not from the trusted issuer for this audience\"");
                reject(request, 401, "unauthenticated.invalid", path);
                return;
            }
            exchange.identity = verified.result();
            if (exchange.identity.subject() != null) {
                MDC.put(HttpTracing.SUBJECT, exchange.identity.subject());
            }
            authorized(rc, exchange, path);
        });
    }

    private void authorized(RoutingContext rc, Exchange exchange, String path) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        String method = request.method().name();
        Identity identity = exchange.identity;
        Optional<AccessPolicy.Rule> rule = policy.ruleFor(method, path);
        if (rule.isEmpty()) {
            reject(request, 403, "forbidden.no-rule", path, method, path);
            return;
        }
        if (!AccessPolicy.allows(rule.get(), identity.roles())) {
            reject(request, 403, "forbidden.reserved", path, method, rule.get().pattern(), rule.get().roles().stream().sorted().toList());
            return;
        }
        Quota quota = quotas.take(identity.client(), identity.roles(), exchange.routeName);
        response.putHeader("RateLimit-Limit", String.valueOf(quota.limit()))
                .putHeader("RateLimit-Remaining", String.valueOf(quota.remaining()))
                .putHeader("RateLimit-Reset", String.valueOf(quota.resetSeconds()));
        if (!quota.allowed()) {
            exchange.quotaRefused = true;
            meters.counter("gateway.quota.rejections", "route", exchange.routeName, "client", identity.client()).increment();
            response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(quota.retryAfterSeconds()));
            if (refusalDelayMillis > 0) {
                rc.vertx().setTimer(refusalDelayMillis, fired -> {
                    if (!response.closed()) { // the client may have left meanwhile
                        reject(request, 429, "too-many-requests", path, identity.client(), exchange.routeName, quota.retryAfterSeconds());
                    }
                });
            } else {
                reject(request, 429, "too-many-requests", path, identity.client(), exchange.routeName, quota.retryAfterSeconds());
            }
            return;
        }
        if (exchange.route == null) {
            // The gateway's own API: Quarkus REST reads the request from here.
            request.resume();
            rc.next();
            return;
        }
        Balancer balancer = balancers.get(exchange.route);
        long now = System.nanoTime();
        exchange.instance = balancer.choose(now, Set.of());
        if (exchange.instance == null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(balancer.retryAfterSeconds(now)));
            reject(request, 503, "service-unavailable", path, exchange.route.name());
            return;
        }
        handoff.put(request, exchange);
        proxies.get(exchange.route).handle(request);
    }

    /**
     * Methods before the policy (which knows prefixes, not operations): a method the path does not answer is a 405
     * with {@code Allow}, and OPTIONS is answered here with the path's {@code Allow}, as the services' documents (or
     * the gateway's own resources) list them. True when the request was answered.
     */
    private boolean answeredMethod(HttpServerRequest request, HttpServerResponse response, GatewayRoute route, String path) {
        String method = request.method().name();
        Optional<String> allow;
        Optional<String> refusal;
        if (route == null) {
            allow = Optional.ofNullable(localMethods.allow(path));
            boolean refused = !UpstreamOperations.KNOWN.contains(method)
                    || allow.isPresent() && !List.of(allow.get().split(", ")).contains(method);
            refusal = refused ? Optional.of(allow.orElse("")) : Optional.empty();
        } else {
            UpstreamOperations.Operations listed = operations.operations(route, path);
            allow = UpstreamOperations.allowed(listed);
            refusal = UpstreamOperations.refusal(listed, method);
        }
        if (refusal.isPresent()) {
            if (!refusal.get().isEmpty()) {
                response.putHeader(HttpHeaders.ALLOW, refusal.get());
            }
            if (refusal.get().isEmpty()) {
                reject(request, 405, "method-not-allowed.method", path, method, path);
            } else {
                reject(request, 405, "method-not-allowed.method-allow", path, method, path, refusal.get());
            }
            return true;
        }
        if (method.equals("OPTIONS") && allow.isPresent()) {
            request.resume();
            response.putHeader(HttpHeaders.ALLOW, allow.get()).setStatusCode(204).end();
            return true;
        }
        return false;
    }

    /** Answers a problem; what is left of the body is read and dropped so the connection stays usable. */
    private void reject(HttpServerRequest request, int status, String key, String path, Object... args) {
        request.resume();
        problems.send(request, status, key, path, args);
    }

    private void audit(RoutingContext rc, Exchange exchange, String path) {
        Identity identity = exchange.identity;
        logAccess(rc, exchange, path);
        if (exchange.quotaRefused) {
            audit.refused(identity.client(), exchange.routeName, exchange.arrivedAt);
            return;
        }
        Upstream upstream = exchange.upstream;
        audit.record(new AuditRecord(exchange.arrivedAt, identity == null ? null : identity.client(),
                identity == null ? List.of() : List.copyOf(identity.roles()), rc.request().method().name(), path,
                exchange.routeName, ForwardingInterceptor.clientLeft(rc.request()) ? ForwardingInterceptor.CLIENT_CLOSED_REQUEST
                        : rc.response().getStatusCode(), (System.nanoTime() - exchange.arrivedNanos) / 1e6,
                exchange.requestId, upstream == null ? null : upstream.host() + ":" + upstream.port()));
    }

    /** The access log: no query string (search terms stay out of logs), no address of an instance, no token. */
    private static void logAccess(RoutingContext rc, Exchange exchange, String path) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        // The end handler may run outside the request's logging context: the line names its ids itself.
        MDC.put(HttpTracing.REQUEST_ID, exchange.requestId);
        MDC.put(HttpTracing.TRACE_ID, exchange.span.getSpanContext().getTraceId());
        MDC.put(HttpTracing.SPAN_ID, exchange.span.getSpanContext().getSpanId());
        if (exchange.identity != null && exchange.identity.subject() != null) {
            MDC.put(HttpTracing.SUBJECT, exchange.identity.subject());
        }
        int status = ForwardingInterceptor.clientLeft(rc.request()) ? ForwardingInterceptor.CLIENT_CLOSED_REQUEST : rc.response().getStatusCode();
        ACCESS.infof("%s %s %d %.1f ms route=%s upstream=%s client=%s", rc.request().method().name(), path, status,
                (System.nanoTime() - exchange.arrivedNanos) / 1e6, exchange.routeName == null ? "-" : exchange.routeName,
                exchange.instance == null ? "-" : "instance-" + exchange.instance.position(),
                exchange.identity == null ? "-" : exchange.identity.client());
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The request's Content-Length: -1 without one, Long.MAX_VALUE when unparseable. */
    static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // unparseable: refused like an oversized one
        }
    }

    /** Browsers send Origin on same-origin writes too; those are not cross-origin calls. */
    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        return request.authority() != null
                && origin.toLowerCase(Locale.ROOT).equals(request.scheme() + "://" + request.authority().toString().toLowerCase(Locale.ROOT));
    }

}
