package fr.civmil.health.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

/**
 * Starts fake upstreams on free ports (on a Vert.x of their own) and points the gateway's routes at them:
 * one instance for zones and partnership, two for referral (round-robin), plus test-only routes (short
 * timeout, small quota, fragile upstream, no policy) and limits small enough to reach in a test. The test gets the servers through {@link FakeUpstreams} to stop and restart one.
 */
public class FakeUpstreamsResource implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;
    private FakeUpstreams upstreams;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        upstreams = new FakeUpstreams(
                new FakeUpstream(vertx, "zones", freePort()),
                new FakeUpstream(vertx, "partnership", freePort()),
                new FakeUpstream(vertx, "referral-a", freePort()),
                new FakeUpstream(vertx, "referral-b", freePort()),
                new FakeUpstream(vertx, "fragile", freePort()));
        upstreams.all().forEach(FakeUpstream::start);
        Map<String, String> config = new LinkedHashMap<>();
        // Through the same properties the local run sets, so the defaults in application.properties are exercised.
        config.put("civmil.upstream.zones-service", upstreams.zones().url());
        config.put("civmil.upstream.partnership-service", upstreams.partnership().url());
        config.put("civmil.upstream.referral-network-service",
                upstreams.referralA().url() + "," + upstreams.referralB().url());
        // The fakes answer readiness on their one port.
        config.put("civmil.upstream.zones-service-management", upstreams.zones().url());
        config.put("civmil.upstream.partnership-service-management", upstreams.partnership().url());
        config.put("civmil.upstream.referral-network-service-management",
                upstreams.referralA().url() + "," + upstreams.referralB().url());
        config.put("civmil.gateway.routes.slow-test.prefixes", "/api/test/slow");
        config.put("civmil.gateway.routes.slow-test.upstreams", upstreams.zones().url());
        config.put("civmil.gateway.routes.slow-test.timeout", "500ms");
        config.put("civmil.edge.policy.slow-test.methods", "GET");
        config.put("civmil.edge.policy.slow-test.pattern", "/api/test/slow/**");
        config.put("civmil.edge.policy.slow-test.roles", "ars,ssa,cnmss,auditor,admin");
        // A route with a small quota of its own: a burst of 5, then one request every 5 s.
        config.put("civmil.gateway.routes.quota-test.prefixes", "/api/test/quota");
        config.put("civmil.gateway.routes.quota-test.upstreams", upstreams.zones().url());
        config.put("civmil.edge.quota.routes.quota-test.capacity", "5");
        config.put("civmil.edge.quota.routes.quota-test.per-second", "0.2");
        config.put("civmil.edge.policy.quota-test.methods", "GET");
        config.put("civmil.edge.policy.quota-test.pattern", "/api/test/quota/**");
        config.put("civmil.edge.policy.quota-test.roles", "ars,ssa");
        // A route whose upstream tests stop to open its circuit (3 calls, half of them failed, open for 1 s).
        config.put("civmil.gateway.routes.fragile-test.prefixes", "/api/test/fragile");
        config.put("civmil.gateway.routes.fragile-test.upstreams", upstreams.fragile().url());
        config.put("civmil.edge.policy.fragile-test.methods", "GET,POST");
        config.put("civmil.edge.policy.fragile-test.pattern", "/api/test/fragile/**");
        config.put("civmil.edge.policy.fragile-test.roles", "ars");
        config.put("civmil.edge.breaker.minimum-calls", "3");
        config.put("civmil.edge.breaker.open-for", "1s");
        // A route whose clients abort mid-answer, under load: no quota in the way.
        config.put("civmil.gateway.routes.abort-test.prefixes", "/api/test/abort");
        config.put("civmil.gateway.routes.abort-test.upstreams", upstreams.zones().url());
        config.put("civmil.edge.quota.routes.abort-test.capacity", "1000000");
        config.put("civmil.edge.quota.routes.abort-test.per-second", "1000000");
        config.put("civmil.edge.policy.abort-test.methods", "GET");
        config.put("civmil.edge.policy.abort-test.pattern", "/api/test/abort/**");
        config.put("civmil.edge.policy.abort-test.roles", "ars");
        // A routed prefix nobody wrote a policy for: denied to everyone.
        config.put("civmil.gateway.routes.unguarded-test.prefixes", "/api/test/unguarded");
        config.put("civmil.gateway.routes.unguarded-test.upstreams", upstreams.zones().url());
        config.put("civmil.edge.max-body-size", "6M");
        config.put("civmil.edge.cors.origins", "https://backoffice.cnmss.example");
        config.put("civmil.edge.audit.flush-interval", "50ms");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(upstreams, new TestInjector.MatchesType(FakeUpstreams.class));
    }

    @Override
    public void stop() {
        if (upstreams != null) {
            upstreams.all().forEach(FakeUpstream::stop);
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
