package fr.civmil.health.referral.service;

import java.time.LocalDate;
import java.util.List;

import fr.civmil.health.referral.domain.CharterStatus;
import fr.civmil.health.referral.domain.Profession;
import fr.civmil.health.referral.domain.Specialty;

/** What the doctor operations take, read and validated by the resource. */
public final class DoctorCommands {

    private DoctorCommands() {
    }

    public record Location(String address, String postalCode, String communeCode) {
    }

    public record Capacity(boolean acceptingNewPatients, int remainingPlaces, LocalDate confirmedOn) {
    }

    public record Details(String lastName, String firstName, Profession profession, Specialty specialty,
            List<Location> practiceLocations, String phone, boolean teleconsultation, List<String> languages) {
    }

    public record Reference(String rpps, Details details, Capacity capacity) {
    }

    public record CharterTransition(CharterStatus to, String reason, LocalDate effectiveOn) {
    }
}
