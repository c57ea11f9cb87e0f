package fr.civmil.health.zones.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import fr.civmil.health.reference.ReferenceGeography;
import io.quarkus.runtime.StartupEvent;

/** The national reference geography, loaded once at startup and shared read-only (it is immutable). */
@ApplicationScoped
public class Geography {

    private static final Logger LOG = Logger.getLogger(Geography.class);

    @Produces
    @Singleton
    ReferenceGeography referenceGeography() {
        long start = System.nanoTime();
        ReferenceGeography geography = ReferenceGeography.load();
        LOG.infof("Reference geography loaded: %d EPCI, %d communes in %d ms (%s)", geography.epciCount(),
                geography.communeCount(), (System.nanoTime() - start) / 1_000_000, ReferenceGeography.SOURCE);
        return geography;
    }

    /** Loads it at startup rather than on the first request. */
    void onStart(@Observes StartupEvent event, ReferenceGeography geography) {
        geography.regions();
    }
}
