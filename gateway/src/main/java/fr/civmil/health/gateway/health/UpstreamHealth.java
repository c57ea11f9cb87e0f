package fr.civmil.health.gateway.health;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import fr.civmil.health.gateway.config.GatewayConfig;
import fr.civmil.health.gateway.routing.GatewayRoute;
import fr.civmil.health.gateway.routing.GatewayRouter;
import fr.civmil.health.gateway.routing.RouteTable;
import fr.civmil.health.gateway.routing.Upstream;
import fr.civmil.health.gateway.routing.UpstreamClient;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;

/**
 * One wellness check per route ("upstream zones-service", ...), at {@code /q/health/well}: GETs /q/health/ready of
 * each instance, non-blocking. A route is UP when at least one instance is ready (the data says which are DOWN and
 * why, and the state of each instance's circuit: an instance the gateway has ejected is OPEN). They are not readiness checks of the gateway: one service away must not take the whole API out of a load balancer (its
 * routes answer 502/503 meanwhile, the others serve on). Liveness and readiness stay the gateway's own.
 */
@Singleton
public class UpstreamHealth {

    private final RouteTable table;
    private final UpstreamClient client;
    private final GatewayConfig config;
    private final HealthRegistry upstreams;
    private final GatewayRouter router;

    public UpstreamHealth(RouteTable table, UpstreamClient client, GatewayConfig config, @Wellness HealthRegistry upstreams,
            GatewayRouter router) {
        this.router = router;
        this.table = table;
        this.client = client;
        this.config = config;
        this.upstreams = upstreams;
    }

    void register(@Observes StartupEvent event) {
        for (GatewayRoute route : table.routes()) {
            upstreams.register("upstream " + route.name(), (AsyncHealthCheck) () -> check(route));
        }
    }

    Uni<HealthCheckResponse> check(GatewayRoute route) {
        List<Future<String>> probes = route.managementUpstreams().stream().map(this::probe).toList();
        // Every probe ends in a state (failures included), so join always succeeds.
        Future<HealthCheckResponse> all = Future.join(probes).map(done -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstream " + route.name());
            boolean anyUp = false;
            for (int i = 0; i < probes.size(); i++) {
                String state = probes.get(i).result();
                anyUp |= state.equals("UP");
                // Instances by position in the configuration: internal addresses stay out of public output.
                response.withData("instance-" + (i + 1), state);
            }
            router.circuits(route).forEach(response::withData);
            return response.status(anyUp).build();
        });
        return Uni.createFrom().completionStage(all::toCompletionStage);
    }

    private Future<String> probe(Upstream upstream) {
        return client.readiness(upstream, config.healthTimeout())
                .map(status -> status == 200 ? "UP" : "DOWN: answered HTTP " + status)
                .otherwise(failure -> "DOWN: " + reason(failure));
    }

    private String reason(Throwable failure) {
        if (failure instanceof TimeoutException || failure instanceof io.netty.channel.ConnectTimeoutException) {
            return "no answer within " + config.healthTimeout().toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        return "unreachable (" + failure.getClass().getSimpleName() + ")";
    }
}
