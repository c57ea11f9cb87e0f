package fr.civmil.health.platform.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

/**
 * A background loop that never ends for good while the service runs: whatever escapes its body
 * (an exception, an error, the body returning) is recorded and the body is started again after a
 * backoff that doubles while failures follow each other. The body says when a cycle went well
 * ({@link #healthy()}) and when it is failing without escaping ({@link #failing}), so that a worker
 * stuck retrying is as visible as one that crashed.
 */
public final class SupervisedWorker {

    private static final Logger LOG = Logger.getLogger(SupervisedWorker.class);

    /** The loop itself: runs until {@link #running()} turns false, or throws. */
    @FunctionalInterface
    public interface Body {
        void run(SupervisedWorker worker) throws Exception;
    }

    public enum State {
        STARTING, RUNNING, FAILING, STOPPED
    }

    /** What the health check and the operators see. */
    public record Status(String name, State state, boolean healthy, int restarts, Long lag, String lastError,
            Instant lastErrorAt, Instant failingSince) {
    }

    private final String name;
    private final Body body;
    private final SupervisionConfig config;
    private final Clock clock;
    private final Thread thread;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean running;
    private volatile State state = State.STARTING;
    private volatile Runnable wakeUp = () -> {
    };
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant failingSince;
    private volatile Long lag;

    SupervisedWorker(String name, Body body, SupervisionConfig config, Clock clock) {
        this.name = name;
        this.body = body;
        this.config = config;
        this.clock = clock;
        this.thread = new Thread(this::supervise, name);
        this.thread.setDaemon(true);
    }

    public String name() {
        return name;
    }

    public boolean running() {
        return running;
    }

    /** How to interrupt a blocking call of the body when stopping (e.g. a Kafka consumer's wakeup). */
    public void wakeUpWith(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    /** A cycle went well: the worker is healthy and the next failure starts a new backoff. */
    public void healthy() {
        failingSince = null;
        state = State.RUNNING;
    }

    /** The body meets a failure it retries itself (e.g. the broker is away). */
    public void failing(Throwable cause) {
        record(cause);
        state = State.FAILING;
    }

    /** Records still to be read by this worker, when it knows. */
    public void lag(Long lag) {
        this.lag = lag;
    }

    void start() {
        running = true;
        thread.start();
    }

    /** Stops the loop and waits for its body to return (and clean up) at most {@code timeout}. */
    public void stop(Duration timeout) {
        running = false;
        wakeUp.run();
        thread.interrupt();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = State.STOPPED;
    }

    public Status status() {
        Instant since = failingSince;
        boolean healthy = state != State.STOPPED && (since == null
                || Duration.between(since, clock.instant()).compareTo(config.unhealthyAfter()) < 0);
        return new Status(name, state, healthy, restarts.get(), lag, lastError, lastErrorAt, since);
    }

    private void supervise() {
        long backoff = 0;
        while (running) {
            try {
                body.run(this);
                if (running) {
                    throw new IllegalStateException("the worker returned while the service runs");
                }
            } catch (Throwable e) {
                if (!running) {
                    break;
                }
                if (e instanceof InterruptedException) {
                    Thread.interrupted();
                }
                if (failingSince == null) {
                    backoff = config.restartBackoff().toMillis(); // it had recovered since its last failure
                }
                record(e);
                state = State.FAILING;
                LOG.errorf(e, "Worker %s failed; restarting in %d ms", name, backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    if (!running) {
                        break;
                    }
                }
                restarts.incrementAndGet();
                backoff = Math.min(backoff * 2, config.maxRestartBackoff().toMillis());
            }
        }
        state = State.STOPPED;
    }

    private void record(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        lastError = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        lastErrorAt = clock.instant();
        if (failingSince == null) {
            failingSince = lastErrorAt;
        }
    }
}
