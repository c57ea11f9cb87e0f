package fr.civmil.health.platform.supervision;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while every background worker is healthy: a consumer or relay that keeps failing for longer
 * than {@code civmil.supervision.unhealthy-after} takes the instance out, since its projections or
 * events would be stale while it answered. Each worker's state, lag and last error are in the details.
 */
@Readiness
@ApplicationScoped
public class WorkersReadiness implements HealthCheck {

    private final SupervisedWorkers workers;

    public WorkersReadiness(SupervisedWorkers workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("workers").up();
        for (SupervisedWorker worker : workers.all()) {
            SupervisedWorker.Status status = worker.status();
            String prefix = status.name() + ".";
            response.withData(prefix + "state", status.state().name()).withData(prefix + "restarts", status.restarts());
            if (status.lag() != null) {
                response.withData(prefix + "lag", status.lag());
            }
            if (status.lastError() != null) {
                response.withData(prefix + "lastError", status.lastError())
                        .withData(prefix + "lastErrorAt", status.lastErrorAt().toString());
            }
            if (status.failingSince() != null) {
                response.withData(prefix + "failingSince", status.failingSince().toString());
            }
            if (!status.healthy()) {
                response.down();
            }
        }
        return response.build();
    }
}
