package fr.civmil.health.partnership.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.partnership.domain.Feed;
import fr.civmil.health.platform.inbox.CloudEvent;
import fr.civmil.health.platform.inbox.InboxHandler;

/** referral-network-service events: referenced doctors and their charter status, counted per région. */
@ApplicationScoped
public class ReferralProjection implements InboxHandler {

    static final String REFERRAL = "fr.civmil.referral.";

    private final EntityManager entityManager;
    private final Event<FeedUpdated> feedUpdates;
    private final ObjectMapper mapper;

    public ReferralProjection(EntityManager entityManager, Event<FeedUpdated> feedUpdates, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.feedUpdates = feedUpdates;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "referral-feed";
    }

    @Override
    public Set<String> topics() {
        return Set.of("referral.events.v1");
    }

    @Override
    public void handle(CloudEvent event) throws JsonProcessingException {
        JsonNode data = event.data();
        String status = switch (event.type()) {
            case REFERRAL + "doctor.referenced.v1", REFERRAL + "doctor.updated.v1" -> data.path("charterStatus").asText(null);
            case REFERRAL + "doctor.charter-status-changed.v1" -> data.path("to").asText(null);
            default -> null; // capacity and assignments do not change the network size
        };
        if (status == null) {
            return;
        }
        UUID doctor = ZonesProjection.required(data, "doctorId");
        List<String> regions = new ArrayList<>();
        data.path("regionCodes").forEach(r -> regions.add(r.asText()));
        // The doctor's former régions must be recounted too when they move.
        Set<String> affected = new LinkedHashSet<>(regions);
        List<?> former = entityManager.createNativeQuery(
                "select jsonb_array_elements_text(region_codes) from referenced_doctor where doctor_id = ?1")
                .setParameter(1, doctor).getResultList();
        former.forEach(r -> affected.add((String) r));
        entityManager.createNativeQuery("""
                insert into referenced_doctor (doctor_id, charter_status, region_codes, updated_at)
                values (?1, ?2, cast(?3 as jsonb), now())
                on conflict (doctor_id) do update set charter_status = excluded.charter_status,
                    region_codes = excluded.region_codes, updated_at = now()""")
                .setParameter(1, doctor).setParameter(2, status).setParameter(3, mapper.writeValueAsString(regions))
                .executeUpdate();
        affected.forEach(region -> feedUpdates.fire(new FeedUpdated(Feed.REFERENCED_DOCTORS, region)));
    }
}
