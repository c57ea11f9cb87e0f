package fr.civmil.health.referral.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.civmil.health.referral.domain.CharterStatus;
import fr.civmil.health.referral.domain.Profession;
import fr.civmil.health.referral.domain.ReferencedDoctor;
import fr.civmil.health.referral.domain.Specialty;

/**
 * The events this service publishes on referral.events.v1 (see docs/events.md and the JSON Schemas
 * in contracts/events). They carry no data about military households.
 */
public final class ReferralEvents {

    private ReferralEvents() {
    }

    public static final String DOCTOR = "doctor";
    public static final String ASSIGNMENT = "assignment";
    public static final String DOCTOR_REFERENCED = "fr.civmil.referral.doctor.referenced.v1";
    public static final String DOCTOR_UPDATED = "fr.civmil.referral.doctor.updated.v1";
    public static final String CHARTER_STATUS_CHANGED = "fr.civmil.referral.doctor.charter-status-changed.v1";
    public static final String CAPACITY_CHANGED = "fr.civmil.referral.doctor.capacity-changed.v1";
    public static final String ASSIGNMENT_MADE = "fr.civmil.referral.assignment.made.v1";
    public static final String ASSIGNMENT_RELEASED = "fr.civmil.referral.assignment.released.v1";

    public record DoctorChanged(UUID doctorId, String rpps, Profession profession, Specialty specialty,
            CharterStatus charterStatus, boolean acceptingNewPatients, int remainingPlaces,
            List<String> practiceCommuneCodes, List<String> departementCodes, List<String> regionCodes) {

        public static DoctorChanged of(ReferencedDoctor d) {
            return new DoctorChanged(d.id, d.rpps, d.profession, d.specialty, d.charterStatus, d.acceptingNewPatients,
                    d.remainingPlaces, d.communeCodes(), d.departementCodes(), d.regionCodes());
        }
    }

    public record CharterStatusChanged(UUID doctorId, String rpps, CharterStatus from, CharterStatus to, String reason,
            List<String> practiceCommuneCodes, List<String> departementCodes, List<String> regionCodes) {
    }

    public record CapacityChanged(UUID doctorId, boolean acceptingNewPatients, int remainingPlaces,
            LocalDate capacityConfirmedOn) {
    }

    /** The places of one need taken or given back, counted per département and specialty: nothing about the household. */
    public record AssignmentCounted(String departementCode, Specialty specialty, int count) {
    }
}
