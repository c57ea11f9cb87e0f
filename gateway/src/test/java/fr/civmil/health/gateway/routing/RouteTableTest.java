package fr.civmil.health.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.civmil.health.gateway.config.EdgeConfig;
import fr.civmil.health.gateway.config.GatewayConfig;

/** The table's matching rules and the startup checks that refuse a bad table (no Quarkus needed). */
class RouteTableTest {

    record Route(List<String> prefixes, List<URI> upstreams, Optional<List<URI>> managementUpstreams, Duration timeout,
            Optional<Duration> connectTimeout, Optional<MemorySize> maxBodySize)
            implements GatewayConfig.Route {
    }

    record Config(Map<String, GatewayConfig.Route> routes, Duration connectTimeout, Duration healthTimeout, int poolSize)
            implements GatewayConfig {
    }

    private static RouteTable table(Map<String, GatewayConfig.Route> routes) {
        return new RouteTable(new Config(routes, Duration.ofSeconds(5), Duration.ofSeconds(2), 10));
    }

    private static Route route(String prefix, String... upstreams) {
        return new Route(List.of(prefix), List.of(upstreams).stream().map(URI::create).toList(), Optional.empty(), Duration.ofSeconds(30),
                Optional.empty(), Optional.empty());
    }

    private static Optional<String> owner(RouteTable table, String path) {
        return table.match(path).map(GatewayRoute::name);
    }

    @Test
    void theLongestPrefixWinsAndOnlyAtASegmentBoundary() {
        RouteTable table = table(Map.of(
                "doctors", route("/api/v1/doctors/", "http://127.0.0.1:1"),
                "special", route("/api/v1/doctors/special", "http://127.0.0.1:2")));
        assertEquals(Optional.of("doctors"), owner(table, "/api/v1/doctors"));
        assertEquals(Optional.of("doctors"), owner(table, "/api/v1/doctors/1"));
        assertEquals(Optional.of("doctors"), owner(table, "/api/v1/doctors/specialist"));
        assertEquals(Optional.of("special"), owner(table, "/api/v1/doctors/special/1"));
        assertEquals(Optional.empty(), owner(table, "/api/v1/doctorsX"));
        assertEquals(Optional.empty(), owner(table, "/api/v1"));
        assertTrue(RouteTable.isLocal("/q") && RouteTable.isLocal("/q/health") && !RouteTable.isLocal("/quotas"));
    }

    record Breaker(double failureRatio, int minimumCalls, Duration window, Duration openFor) implements EdgeConfig.Breaker {
    }

    @Test
    void instancesAreUsedInTurnExceptAnEjectedOneUntilItIsReadyForItsProbe() {
        GatewayRoute route = table(Map.of("r", route("/r", "http://a:1", "https://b"))).routes().get(0);
        Balancer balancer = new Balancer(route, new Breaker(1.0, 1, Duration.ofSeconds(10), Duration.ofSeconds(10)));
        Upstream a = new Upstream("a", 1, false);
        Upstream b = new Upstream("b", 443, true);
        assertEquals(List.of(a, b, a), List.of(balancer.choose(0, Set.of()).upstream(), balancer.choose(0, Set.of()).upstream(),
                balancer.choose(0, Set.of()).upstream()));
        Balancer.Instance first = balancer.instances().get(0);
        assertEquals(b, balancer.choose(0, Set.of(first)).upstream(), "an instance already tried is skipped");
        first.breaker().failed(0);
        assertEquals(List.of(b, b), List.of(balancer.choose(1, Set.of()).upstream(), balancer.choose(1, Set.of()).upstream()));
        assertEquals("DEGRADED", balancer.state(1));
        balancer.instances().get(1).breaker().failed(2);
        assertNull(balancer.choose(3, Set.of()), "no instance can take it: the route answers 503");
        assertEquals("OPEN", balancer.state(3));
        assertEquals(7, balancer.retryAfterSeconds(3_000_000_000L), "until the first probe");
        assertNull(balancer.choose(10_000_000_000L, Set.of()), "not before the instance says it is ready");
        assertTrue(first.breaker().readinessCheckDue(10_000_000_000L));
        first.breaker().readinessChecked(10_000_000_000L, true);
        assertEquals(a, balancer.choose(10_000_000_000L, Set.of()).upstream(), "the probe");
    }

    @Test
    void aRouteWithoutAConnectTimeoutOfItsOwnUsesTheGatewaysOne() {
        Route own = new Route(List.of("/own"), List.of(URI.create("http://a:1")), Optional.empty(), Duration.ofSeconds(3),
                Optional.of(Duration.ofMillis(250)), Optional.empty());
        RouteTable table = table(Map.of("own", own, "shared", route("/shared", "http://b:1")));
        assertEquals(Duration.ofMillis(250), table.match("/own").orElseThrow().connectTimeout());
        assertEquals(Duration.ofSeconds(5), table.match("/shared").orElseThrow().connectTimeout());
    }

    @Test
    void aBadTableStopsTheGateway() {
        assertThrows(IllegalStateException.class, () -> table(Map.of("r", route("/q/openapi", "http://a:1"))));
        assertThrows(IllegalStateException.class, () -> table(Map.of("r", route("api/v1/x", "http://a:1"))));
        assertThrows(IllegalStateException.class, () -> table(Map.of("r", route("/", "http://a:1"))));
        assertThrows(IllegalStateException.class, () -> table(Map.of("r", route("/x", "http://a:1/base"))));
        assertThrows(IllegalStateException.class, () -> table(Map.of("r", route("/x", "ftp://a:1"))));
        assertThrows(IllegalStateException.class, () -> table(Map.of("r", route("/x"))));
        assertThrows(IllegalStateException.class, () -> table(Map.of("a", route("/x", "http://a:1"), "b", route("/x/", "http://b:1"))));
        // One management interface per instance, in the same order.
        assertThrows(IllegalStateException.class, () -> table(Map.of("r", new Route(List.of("/x"), List.of(URI.create("http://a:1"),
                URI.create("http://b:1")), Optional.of(List.of(URI.create("http://a:9"))), Duration.ofSeconds(3), Optional.empty(), Optional.empty()))));
    }

    @Test
    void readinessIsAskedAtEachInstancesManagementInterfaceOrElseAtTheInstance() {
        RouteTable table = table(Map.of("managed", new Route(List.of("/m"), List.of(URI.create("http://a:8081"), URI.create("http://b:8081")),
                Optional.of(List.of(URI.create("http://a:9000"), URI.create("http://b:9000"))), Duration.ofSeconds(3), Optional.empty(),
                Optional.empty()), "plain", route("/p", "http://c:8083")));
        assertEquals(List.of(new Upstream("a", 9000, false), new Upstream("b", 9000, false)),
                table.match("/m").orElseThrow().managementUpstreams());
        assertEquals(List.of(new Upstream("c", 8083, false)), table.match("/p").orElseThrow().managementUpstreams());
    }
}
