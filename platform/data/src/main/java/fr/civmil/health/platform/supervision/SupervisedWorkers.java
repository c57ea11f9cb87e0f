package fr.civmil.health.platform.supervision;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/** Starts the service's background workers under supervision and lists them for the health checks. */
@ApplicationScoped
public class SupervisedWorkers {

    private final SupervisionConfig config;
    private final Clock clock;
    private final List<SupervisedWorker> workers = new CopyOnWriteArrayList<>();

    public SupervisedWorkers(SupervisionConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    public SupervisedWorker start(String name, SupervisedWorker.Body body) {
        SupervisedWorker worker = new SupervisedWorker(name, body, config, clock);
        workers.add(worker);
        worker.start();
        return worker;
    }

    public List<SupervisedWorker> all() {
        return List.copyOf(workers);
    }
}
