package fr.civmil.health.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The suite's clock: the time of the bodies it serves, Europe/Paris, where "today" decides what a mission or a
 * placement may be. Injected rather than read from the system, so that tests set the date they need
 * ({@code QuarkusMock.installMockForType(Clock.fixed(...), Clock.class)}).
 */
public class Clocks {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock paris() {
        return Clock.system(PARIS);
    }
}
