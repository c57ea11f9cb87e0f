package fr.civmil.health.referral.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.civmil.health.platform.outbox.EventType;
import fr.civmil.health.referral.domain.CharterStatus;
import fr.civmil.health.referral.domain.Profession;
import fr.civmil.health.referral.domain.ReferencedDoctor;
import fr.civmil.health.referral.domain.Specialty;

/**
 * The events this service publishes on referral.events.v1 (see docs/events.md; catalogue: {@link PublishedEvent}).
 * They carry no data about military households.
 */
public final class ReferralEvents {

    private ReferralEvents() {
    }

    public static final String DOCTOR = "doctor";
    public static final String DOCTOR_REFERENCED = "fr.civmil.referral.doctor.referenced.v1";
    public static final String DOCTOR_UPDATED = "fr.civmil.referral.doctor.updated.v1";
    static final String CHARTER_STATUS_CHANGED = "fr.civmil.referral.doctor.charter-status-changed.v1";
    static final String CAPACITY_CHANGED = "fr.civmil.referral.doctor.capacity-changed.v1";
    static final String ASSIGNMENT = "assignment";
    static final String ASSIGNMENT_MADE = "fr.civmil.referral.assignment.made.v1";
    static final String ASSIGNMENT_RELEASED = "fr.civmil.referral.assignment.released.v1";

    /** A doctor entered the network (also written in bulk by the import, in SQL, with the same fields). */
    @EventType(value = DOCTOR_REFERENCED, aggregate = DOCTOR)
    public record DoctorReferenced(UUID doctorId, String rpps, Profession profession, Specialty specialty,
            CharterStatus charterStatus, boolean acceptingNewPatients, int remainingPlaces,
            List<String> practiceCommuneCodes, List<String> departementCodes, List<String> regionCodes) implements PublishedEvent {

        public static DoctorReferenced of(ReferencedDoctor d) {
            return new DoctorReferenced(d.id, d.rpps, d.profession, d.specialty, d.charterStatus, d.acceptingNewPatients,
                    d.remainingPlaces, d.communeCodes(), d.departementCodes(), d.regionCodes());
        }

        @Override
        public String aggregateId() {
            return doctorId.toString();
        }
    }

    /** A referenced doctor's directory entry changed: the same fields as when referenced. */
    @EventType(value = DOCTOR_UPDATED, aggregate = DOCTOR)
    public record DoctorUpdated(UUID doctorId, String rpps, Profession profession, Specialty specialty,
            CharterStatus charterStatus, boolean acceptingNewPatients, int remainingPlaces,
            List<String> practiceCommuneCodes, List<String> departementCodes, List<String> regionCodes) implements PublishedEvent {

        public static DoctorUpdated of(ReferencedDoctor d) {
            return new DoctorUpdated(d.id, d.rpps, d.profession, d.specialty, d.charterStatus, d.acceptingNewPatients,
                    d.remainingPlaces, d.communeCodes(), d.departementCodes(), d.regionCodes());
        }

        @Override
        public String aggregateId() {
            return doctorId.toString();
        }
    }

    @EventType(value = CHARTER_STATUS_CHANGED, aggregate = DOCTOR)
    public record CharterStatusChanged(UUID doctorId, String rpps, CharterStatus from, CharterStatus to, String reason,
            List<String> practiceCommuneCodes, List<String> departementCodes, List<String> regionCodes) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return doctorId.toString();
        }
    }

    @EventType(value = CAPACITY_CHANGED, aggregate = DOCTOR)
    public record CapacityChanged(UUID doctorId, boolean acceptingNewPatients, int remainingPlaces,
            LocalDate capacityConfirmedOn) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return doctorId.toString();
        }
    }

    /** The places of one need taken, counted per département and specialty: nothing about the household. */
    @EventType(value = ASSIGNMENT_MADE, aggregate = ASSIGNMENT, subject = "departement")
    public record AssignmentMade(String departementCode, Specialty specialty, int count) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return departementCode;
        }
    }

    /** The places of one need given back, counted as when taken. */
    @EventType(value = ASSIGNMENT_RELEASED, aggregate = ASSIGNMENT, subject = "departement")
    public record AssignmentReleased(String departementCode, Specialty specialty, int count) implements PublishedEvent {

        @Override
        public String aggregateId() {
            return departementCode;
        }
    }
}
