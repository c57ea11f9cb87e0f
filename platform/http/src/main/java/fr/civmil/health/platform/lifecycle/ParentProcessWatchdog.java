package fr.civmil.health.platform.lifecycle;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * When the local run starts a service ({@code civmil.parent-pid} set), the service stops by itself
 * if that parent disappears, even killed with SIGKILL: no orphan process is left behind.
 */
public class ParentProcessWatchdog {

    private static final Logger LOG = Logger.getLogger(ParentProcessWatchdog.class);

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent event, @ConfigProperty(name = "civmil.parent-pid") Optional<Long> parentPid) {
        parentPid.flatMap(ProcessHandle::of).ifPresent(parent -> {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "civmil-parent-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(() -> {
                if (!parent.isAlive()) {
                    LOG.warn("The process that started this service is gone; stopping");
                    Quarkus.asyncExit();
                }
            }, 1, 1, TimeUnit.SECONDS);
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
