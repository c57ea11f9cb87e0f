package fr.civmil.health.zones.events;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.platform.inbox.CloudEvent;
import fr.civmil.health.platform.inbox.InboxHandler;

/**
 * Keeps, from referral-network-service's events, each referenced doctor's charter status and
 * practice communes: the coverage of a zone counts the active ones practising in its communes.
 */
@ApplicationScoped
public class ReferencedDoctorsProjection implements InboxHandler {

    static final String TOPIC = "referral.events.v1";
    static final String PREFIX = "fr.civmil.referral.doctor.";

    private final EntityManager entityManager;

    public ReferencedDoctorsProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "referenced-doctors";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(CloudEvent event) {
        String status = switch (event.type()) {
            case PREFIX + "referenced.v1", PREFIX + "updated.v1" -> required(event.data(), "charterStatus");
            case PREFIX + "charter-status-changed.v1" -> required(event.data(), "to");
            default -> null; // capacity changes, assignments: nothing the zones count
        };
        if (status == null) {
            return;
        }
        JsonNode data = event.data();
        String doctorId = required(data, "doctorId");
        Set<String> communes = new LinkedHashSet<>();
        data.path("practiceCommuneCodes").forEach(c -> communes.add(c.asText()));
        entityManager.createNativeQuery("""
                insert into referenced_doctor (doctor_id, rpps, charter_status, updated_at) values (?1, ?2, ?3, ?4)
                on conflict (doctor_id) do update set rpps = coalesce(excluded.rpps, referenced_doctor.rpps),
                    charter_status = excluded.charter_status, updated_at = excluded.updated_at""")
                .setParameter(1, doctorId).setParameter(2, data.hasNonNull("rpps") ? data.get("rpps").asText() : null)
                .setParameter(3, status).setParameter(4, Instant.now()).executeUpdate();
        if (data.has("practiceCommuneCodes")) {
            entityManager.createNativeQuery("delete from referenced_doctor_commune where doctor_id = ?1").setParameter(1, doctorId)
                    .executeUpdate();
            for (String commune : communes) {
                entityManager.createNativeQuery("insert into referenced_doctor_commune (doctor_id, commune_code) values (?1, ?2)")
                        .setParameter(1, doctorId).setParameter(2, commune).executeUpdate();
            }
        }
    }

    static String required(JsonNode data, String field) {
        if (data == null || !data.hasNonNull(field) || data.get(field).asText().isBlank()) {
            throw new IllegalArgumentException("event data has no '" + field + "'");
        }
        return data.get(field).asText();
    }
}
