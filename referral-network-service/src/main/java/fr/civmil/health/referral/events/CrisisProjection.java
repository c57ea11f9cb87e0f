package fr.civmil.health.referral.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.platform.identifiers.Identifiers;
import fr.civmil.health.platform.inbox.CloudEvent;
import fr.civmil.health.platform.inbox.InboxHandler;

/**
 * Keeps the ORSAN crisis activations of partnership-service that are in force, per département,
 * so directory results flag doctors practising in an affected département.
 */
@ApplicationScoped
public class CrisisProjection implements InboxHandler {

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
        return Set.of("partnership.events.v1");
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case "fr.civmil.partnership.crisis.activated.v1" -> activate(event.data());
            case "fr.civmil.partnership.crisis.stood-down.v1" -> entityManager
                    .createNativeQuery("delete from crisis_activation where activation_id = ?1")
                    .setParameter(1, UUID.fromString(PriorityZoneProjection.text(event.data(), "activationId"))).executeUpdate();
            default -> {
                // Commitments, indicators and reviews do not concern the directory.
            }
        }
    }

    private void activate(JsonNode data) {
        UUID activationId = UUID.fromString(PriorityZoneProjection.text(data, "activationId"));
        String plan = PriorityZoneProjection.text(data, "plan");
        List<String> departements = new ArrayList<>();
        JsonNode codes = data.get("departementCodes");
        if (codes != null && codes.isArray()) {
            for (JsonNode code : codes) {
                if (!Identifiers.isDepartement(code.asText())) {
                    throw new IllegalArgumentException("departementCodes holds an invalid code: " + code.asText());
                }
                departements.add(code.asText());
            }
        }
        entityManager.createNativeQuery("""
                insert into crisis_activation (activation_id, plan, activated_at) values (?1, ?2, cast(?3 as timestamptz))
                on conflict (activation_id) do update set plan = excluded.plan""")
                .setParameter(1, activationId).setParameter(2, plan)
                .setParameter(3, data.hasNonNull("activatedAt") ? data.get("activatedAt").asText() : null).executeUpdate();
        if (!departements.isEmpty()) {
            entityManager.createNativeQuery("""
                    insert into crisis_departement (activation_id, departement_code)
                    select ?1, c from unnest(cast(?2 as varchar[])) as c on conflict do nothing""")
                    .setParameter(1, activationId).setParameter(2, departements.toArray(String[]::new)).executeUpdate();
        }
    }
}
