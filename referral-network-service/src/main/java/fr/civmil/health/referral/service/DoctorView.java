package fr.civmil.health.referral.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.referral.domain.CapacityStatus;
import fr.civmil.health.referral.domain.CharterStatus;
import fr.civmil.health.referral.domain.Profession;
import fr.civmil.health.referral.domain.Specialty;

@Schema(name = "ReferencedDoctor", description = "A doctor of the CNMSS network with capacity, charter and area flags")
public record DoctorView(
        @Schema(example = "3f1e9a52-6a0f-4c6b-9a57-0e4c1d2b7f10") UUID id,
        @Schema(example = "10003456786") String rpps,
        @Schema(example = "Martin") String lastName,
        @Schema(example = "Claire") String firstName,
        @Schema(example = "PHYSICIAN") Profession profession,
        @Schema(description = "Code in the national nomenclature of professions (TRE_G15)", example = "10") String professionCode,
        @Schema(example = "GENERAL_PRACTICE") Specialty specialty,
        @Schema(description = "Ordinal specialty code (TRE_R38)", example = "SM54") String specialtyCode,
        List<Location> practiceLocations,
        @Schema(example = "+33494000000") String phone,
        @Schema(example = "true") boolean teleconsultation,
        @Schema(example = "[\"fr\", \"en\"]") List<String> languages,
        Capacity capacity,
        Charter charter,
        @Schema(description = "Practises in at least one commune of a priority zone designated, active or suspended (from zones events; never a proposed or retired one)", example = "false") boolean inPriorityZone,
        @Schema(description = "ORSAN crisis activations in force in the départements where the doctor practises") List<Crisis> activeCrises,
        @Schema(description = "Version, also sent as ETag", example = "3") long version) {

    @Schema(name = "PracticeLocation")
    public record Location(
            @Schema(example = "12 rue de la République") String address,
            @Schema(example = "83000") String postalCode,
            @Schema(example = "83137") String communeCode,
            @Schema(example = "Toulon") String communeName,
            @Schema(example = "83") String departementCode,
            @Schema(example = "248300543") String epciSiren,
            @Schema(example = "93") String regionCode,
            @Schema(example = "false") boolean inPriorityZone) {
    }

    @Schema(name = "Capacity")
    public record Capacity(
            @Schema(example = "true") boolean acceptingNewPatients,
            @Schema(example = "12") int remainingPlaces,
            @Schema(example = "2026-11-02") LocalDate confirmedOn,
            @Schema(description = "UNCONFIRMED when confirmed longer ago than the configured maximum age", example = "CONFIRMED") CapacityStatus status) {
    }

    @Schema(name = "Charter")
    public record Charter(
            @Schema(example = "ACTIVE") CharterStatus status,
            @Schema(example = "2024-09-25") LocalDate signedOn,
            @Schema(description = "Date the current status took effect", example = "2024-09-25") LocalDate since,
            @Schema(description = "Reason of the last suspension or withdrawal") String reason) {
    }

    @Schema(name = "ActiveCrisis")
    public record Crisis(
            @Schema(example = "31") String departementCode,
            @Schema(example = "AMAVI") String plan) {
    }
}
