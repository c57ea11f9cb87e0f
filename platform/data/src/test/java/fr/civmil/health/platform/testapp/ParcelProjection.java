package fr.civmil.health.platform.testapp;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import fr.civmil.health.platform.inbox.CloudEvent;
import fr.civmil.health.platform.inbox.InboxHandler;

/**
 * Counts the events applied per key; refuses events whose data says {@code "poison": true}; while
 * {@link #crashing} is on, events whose data says {@code "crash": true} throw an {@link Error}, which
 * escapes the per-record handling and kills the consumer's loop.
 */
@ApplicationScoped
public class ParcelProjection implements InboxHandler {

    public static final String TOPIC = "platform-test.inbound.v1";

    public static volatile boolean crashing;

    private final EntityManager entityManager;

    public ParcelProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "parcel-projection";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(CloudEvent event) {
        if (event.data() != null && event.data().path("poison").asBoolean(false)) {
            throw new IllegalStateException("the projection cannot apply this event");
        }
        if (crashing && event.data() != null && event.data().path("crash").asBoolean(false)) {
            throw new Error("the consumer crashed outside its record handling");
        }
        entityManager.createNativeQuery("""
                insert into test_projection (key, applied_count, last_event_type) values (?1, 1, ?2)
                on conflict (key) do update set applied_count = test_projection.applied_count + 1, last_event_type = ?2""")
                .setParameter(1, event.key())
                .setParameter(2, event.type())
                .executeUpdate();
    }
}
