package fr.civmil.health.zones.events;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import fr.civmil.health.platform.inbox.Projection;

/**
 * Keeps, from referral-network-service's events, each referenced doctor's charter status and
 * practice communes: the coverage of a zone counts the active ones practising in its communes.
 * Capacity changes and assignments are not read: nothing the zones count.
 */
@Singleton
public class ReferencedDoctorsProjection extends Projection {

    private static final String DOCTOR = "fr.civmil.referral.doctor.";

    /** What zones read of a doctor referenced or updated; no communes means they did not change. */
    record DoctorChanged(UUID doctorId, @Nullable String rpps, String charterStatus, @Nullable List<String> practiceCommuneCodes) {
    }

    record CharterStatusChanged(UUID doctorId, @Nullable String rpps, String to, @Nullable List<String> practiceCommuneCodes) {
    }

    private final EntityManager entityManager;

    public ReferencedDoctorsProjection(EntityManager entityManager) {
        super("referenced-doctors", "referral.events.v1");
        this.entityManager = entityManager;
        on(DOCTOR + "referenced.v1", DoctorChanged.class, (doctor, event) -> keep(doctor.doctorId(), doctor.rpps(),
                doctor.charterStatus(), doctor.practiceCommuneCodes()));
        on(DOCTOR + "updated.v1", DoctorChanged.class, (doctor, event) -> keep(doctor.doctorId(), doctor.rpps(),
                doctor.charterStatus(), doctor.practiceCommuneCodes()));
        on(DOCTOR + "charter-status-changed.v1", CharterStatusChanged.class, (change, event) -> keep(change.doctorId(),
                change.rpps(), change.to(), change.practiceCommuneCodes()));
    }

    private void keep(UUID doctorId, String rpps, String status, List<String> communes) {
        String id = doctorId.toString();
        entityManager.createNativeQuery("""
                insert into referenced_doctor (doctor_id, rpps, charter_status, updated_at) values (?1, ?2, ?3, ?4)
                on conflict (doctor_id) do update set rpps = coalesce(excluded.rpps, referenced_doctor.rpps),
                    charter_status = excluded.charter_status, updated_at = excluded.updated_at""")
                .setParameter(1, id).setParameter(2, rpps).setParameter(3, status).setParameter(4, Instant.now()).executeUpdate();
        if (communes != null) {
            entityManager.createNativeQuery("delete from referenced_doctor_commune where doctor_id = ?1").setParameter(1, id)
                    .executeUpdate();
            for (String commune : new LinkedHashSet<>(communes)) {
                entityManager.createNativeQuery("insert into referenced_doctor_commune (doctor_id, commune_code) values (?1, ?2)")
                        .setParameter(1, id).setParameter(2, commune).executeUpdate();
            }
        }
    }
}
