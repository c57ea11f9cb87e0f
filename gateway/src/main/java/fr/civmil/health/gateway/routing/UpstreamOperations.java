package fr.civmil.health.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.platform.strict.AllowedMethods;
import fr.civmil.health.platform.strict.PathTemplate;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/**
 * The methods each upstream path answers, read from the service's own OpenAPI document, so that the gateway
 * answers 405 with {@code Allow} (RFC 9110 §15.5.6) before its role policy, which only knows path prefixes and
 * would otherwise refuse an unsupported method with 403. Read at startup, again every minute (a service's new
 * version may add operations), and retried every few seconds while a service is unreachable; until a document is
 * known the gateway decides nothing from it and the service answers its own 405.
 */
@Singleton
public class UpstreamOperations {

    private static final Logger LOG = Logger.getLogger(UpstreamOperations.class);
    /** The methods of HTTP any route may answer; anything else (TRACE, CONNECT, QUERY...) is a 405 everywhere. */
    static final Set<String> KNOWN = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    private static final long REFRESH_MS = 60_000;
    private static final long RETRY_MS = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One path of a document, with the methods its operations use. */
    record Operations(PathTemplate path, Set<String> methods) {
    }

    private final RouteTable table;
    private final UpstreamClient client;
    private final Vertx vertx;
    private final Map<String, List<Operations>> byRoute = new ConcurrentHashMap<>();

    public UpstreamOperations(RouteTable table, UpstreamClient client, Vertx vertx) {
        this.table = table;
        this.client = client;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        table.routes().forEach(this::load);
    }

    /** What the route's document says of this path: null when it does not list it, or no document is known yet. */
    Operations operations(GatewayRoute route, String path) {
        Operations best = null;
        for (Operations operations : byRoute.getOrDefault(route.name(), List.of())) {
            if (operations.path().matches(path) && operations.path().moreSpecificThan(best == null ? null : best.path())) {
                best = operations;
            }
        }
        return best;
    }

    /**
     * The {@code Allow} header when the path is one the route's document lists ({@code operations}) and the method
     * is not among its operations (nor an unknown method anywhere); empty when the method is allowed or the path unknown.
     */
    static Optional<String> refusal(Operations operations, String method) {
        if (!KNOWN.contains(method)) {
            return Optional.of(operations == null ? "" : allow(operations));
        }
        if (operations == null || operations.methods().contains(method)) {
            return Optional.empty();
        }
        return Optional.of(allow(operations));
    }

    /** The Allow header of a path the route's document lists, for OPTIONS. */
    static Optional<String> allowed(Operations operations) {
        return Optional.ofNullable(operations).map(UpstreamOperations::allow);
    }

    private static String allow(Operations operations) {
        return String.join(", ", operations.methods());
    }

    private void load(GatewayRoute route) {
        client.request(route.upstreams().get(0), FETCH_TIMEOUT)
                .compose(request -> request.setMethod(HttpMethod.GET).setURI("/q/openapi?format=json").send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : io.vertx.core.Future.failedFuture("HTTP " + response.statusCode()))
                .onSuccess(body -> {
                    try {
                        byRoute.put(route.name(), read(JSON.readTree(body.getBytes())));
                        vertx.setTimer(REFRESH_MS, t -> load(route));
                    } catch (Exception e) {
                        LOG.warnf("The OpenAPI document of %s is unreadable (%s); retrying", route.name(), e.getMessage());
                        vertx.setTimer(RETRY_MS, t -> load(route));
                    }
                })
                .onFailure(failure -> {
                    LOG.debugf("The OpenAPI document of %s is not available yet: %s", route.name(), failure.getMessage());
                    vertx.setTimer(RETRY_MS, t -> load(route));
                });
    }

    static List<Operations> read(JsonNode document) {
        List<Operations> read = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            Set<String> methods = new TreeSet<>(Comparator.comparingInt(AllowedMethods::rank).thenComparing(Comparator.naturalOrder()));
            path.getValue().fieldNames().forEachRemaining(key -> {
                String method = key.toUpperCase(Locale.ROOT);
                if (KNOWN.contains(method)) {
                    methods.add(method);
                }
            });
            if (!methods.isEmpty()) {
                if (methods.contains("GET")) {
                    methods.add("HEAD");
                }
                methods.add("OPTIONS");
                read.add(new Operations(PathTemplate.of(path.getKey()), methods));
            }
        });
        return List.copyOf(read);
    }
}
