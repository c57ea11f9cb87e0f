package fr.civmil.health.zones.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.platform.inbox.CloudEvent;
import fr.civmil.health.platform.inbox.InboxHandler;

/** Keeps partnership-service's crisis activations, so a zone shows the crises active on it. */
@ApplicationScoped
public class CrisisProjection implements InboxHandler {

    static final String TOPIC = "partnership.events.v1";
    static final String ACTIVATED = "fr.civmil.partnership.crisis.activated.v1";
    static final String STOOD_DOWN = "fr.civmil.partnership.crisis.stood-down.v1";

    private final EntityManager entityManager;

    public CrisisProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "crisis-activations";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(CloudEvent event) {
        boolean activated = ACTIVATED.equals(event.type());
        if (!activated && !STOOD_DOWN.equals(event.type())) {
            return;
        }
        JsonNode data = event.data();
        String id = ReferencedDoctorsProjection.required(data, "activationId");
        String plan = ReferencedDoctorsProjection.required(data, "plan");
        OffsetDateTime at = time(data, activated ? "activatedAt" : "stoodDownAt", event);
        entityManager.createNativeQuery("""
                insert into crisis_activation (activation_id, plan, departement_codes, zone_ids, activated_at, stood_down_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (activation_id) do update set plan = excluded.plan, departement_codes = excluded.departement_codes,
                    zone_ids = excluded.zone_ids, activated_at = coalesce(excluded.activated_at, crisis_activation.activated_at),
                    stood_down_at = excluded.stood_down_at""")
                .setParameter(1, id).setParameter(2, plan)
                .setParameter(3, join(data.path("departementCodes"))).setParameter(4, join(data.path("zoneIds")))
                .setParameter(5, activated ? at : null).setParameter(6, activated ? null : at)
                .executeUpdate();
    }

    private static OffsetDateTime time(JsonNode data, String field, CloudEvent event) {
        if (data.hasNonNull(field)) {
            return OffsetDateTime.parse(data.get(field).asText());
        }
        return event.time() != null ? event.time() : OffsetDateTime.now();
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(",", values);
    }
}
