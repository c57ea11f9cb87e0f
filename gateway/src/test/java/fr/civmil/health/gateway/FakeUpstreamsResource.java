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
 * one instance for zones and partnership, two for referral (round-robin), plus a test-only route with a
 * short timeout. The test gets the servers through {@link FakeUpstreams} to stop and restart one.
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
                new FakeUpstream(vertx, "referral-b", freePort()));
        upstreams.all().forEach(FakeUpstream::start);
        Map<String, String> config = new LinkedHashMap<>();
        // Through the same properties the local run sets, so the defaults in application.properties are exercised.
        config.put("civmil.upstream.zones-service", upstreams.zones().url());
        config.put("civmil.upstream.partnership-service", upstreams.partnership().url());
        config.put("civmil.upstream.referral-network-service",
                upstreams.referralA().url() + "," + upstreams.referralB().url());
        config.put("civmil.gateway.routes.slow-test.prefixes", "/api/test/slow");
        config.put("civmil.gateway.routes.slow-test.upstreams", upstreams.zones().url());
        config.put("civmil.gateway.routes.slow-test.timeout", "500ms");
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
