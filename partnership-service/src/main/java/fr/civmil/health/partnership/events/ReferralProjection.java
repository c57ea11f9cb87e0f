package fr.civmil.health.partnership.events;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Nullable;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.partnership.domain.Feed;
import fr.civmil.health.platform.inbox.Projection;

/**
 * referral-network-service events: referenced doctors and their charter status, counted per région.
 * Capacity and assignments do not change the network's size; an event without a status changes nothing.
 */
@Singleton
public class ReferralProjection extends Projection {

    private static final String DOCTOR = "fr.civmil.referral.doctor.";

    /** What the partnership reads of a doctor referenced or updated. */
    record DoctorChanged(UUID doctorId, @Nullable String charterStatus, @Nullable List<String> regionCodes) {
    }

    record CharterStatusChanged(UUID doctorId, @Nullable String to, @Nullable List<String> regionCodes) {
    }

    private final EntityManager entityManager;
    private final Event<FeedUpdated> feedUpdates;
    private final ObjectMapper mapper;

    public ReferralProjection(EntityManager entityManager, Event<FeedUpdated> feedUpdates, ObjectMapper mapper) {
        super("referral-feed", "referral.events.v1");
        this.entityManager = entityManager;
        this.feedUpdates = feedUpdates;
        this.mapper = mapper;
        on(DOCTOR + "referenced.v1", DoctorChanged.class, (doctor, event) -> count(doctor.doctorId(), doctor.charterStatus(),
                doctor.regionCodes()));
        on(DOCTOR + "updated.v1", DoctorChanged.class, (doctor, event) -> count(doctor.doctorId(), doctor.charterStatus(),
                doctor.regionCodes()));
        on(DOCTOR + "charter-status-changed.v1", CharterStatusChanged.class, (change, event) -> count(change.doctorId(),
                change.to(), change.regionCodes()));
    }

    private void count(UUID doctor, String status, List<String> regionCodes) throws JsonProcessingException {
        if (status == null) {
            return;
        }
        List<String> regions = regionCodes == null ? List.of() : regionCodes;
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
