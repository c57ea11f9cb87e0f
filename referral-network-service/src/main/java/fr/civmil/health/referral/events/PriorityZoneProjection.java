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
 * Keeps the priority zones of zones-service and their member communes, so the directory can tell
 * which doctors practise inside a zone ({@code inPriorityZone}). A retired zone no longer counts.
 */
@ApplicationScoped
public class PriorityZoneProjection implements InboxHandler {

    static final String PREFIX = "fr.civmil.zones.priority-zone.";

    private final EntityManager entityManager;

    public PriorityZoneProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "priority-zones";
    }

    @Override
    public Set<String> topics() {
        return Set.of("zones.events.v1");
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case PREFIX + "designated.v1" -> upsert(event.data(), text(event.data(), "status"));
            case PREFIX + "status-changed.v1" -> upsert(event.data(), text(event.data(), "to"));
            case PREFIX + "retired.v1" -> entityManager.createNativeQuery("delete from priority_zone where zone_id = ?1")
                    .setParameter(1, zoneId(event.data())).executeUpdate();
            default -> {
                // Sites and missions do not concern the directory.
            }
        }
    }

    private void upsert(JsonNode data, String status) {
        UUID zoneId = zoneId(data);
        List<String> communes = new ArrayList<>();
        JsonNode codes = data.get("communeCodes");
        if (codes == null || !codes.isArray()) {
            throw new IllegalArgumentException("communeCodes is missing");
        }
        for (JsonNode code : codes) {
            if (!Identifiers.isInseeCommune(code.asText())) {
                throw new IllegalArgumentException("communeCodes holds an invalid INSEE code: " + code.asText());
            }
            communes.add(code.asText());
        }
        entityManager.createNativeQuery("""
                insert into priority_zone (zone_id, epci_siren, status) values (?1, ?2, ?3)
                on conflict (zone_id) do update set epci_siren = excluded.epci_siren, status = excluded.status, updated_at = now()""")
                .setParameter(1, zoneId).setParameter(2, data.hasNonNull("epciSiren") ? data.get("epciSiren").asText() : null)
                .setParameter(3, status.toUpperCase()).executeUpdate();
        entityManager.createNativeQuery("delete from priority_zone_commune where zone_id = ?1").setParameter(1, zoneId).executeUpdate();
        if (!communes.isEmpty()) {
            entityManager.createNativeQuery("""
                    insert into priority_zone_commune (zone_id, commune_code)
                    select ?1, c from unnest(cast(?2 as varchar[])) as c on conflict do nothing""")
                    .setParameter(1, zoneId).setParameter(2, communes.toArray(String[]::new)).executeUpdate();
        }
    }

    private static UUID zoneId(JsonNode data) {
        return UUID.fromString(text(data, "zoneId"));
    }

    static String text(JsonNode data, String field) {
        if (data == null || !data.hasNonNull(field) || data.get(field).asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return data.get(field).asText();
    }
}
