package fr.civmil.health.referral.service;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DepartementCoverage", description = "The referral network in one département")
public record CoverageView(
        @Schema(example = "83") String departementCode,
        @Schema(example = "Var") String departementName,
        @Schema(example = "93") String regionCode,
        @Schema(description = "Doctors with an ACTIVE charter practising in the département", example = "42") long activeDoctors,
        @Schema(description = "The same, per specialty code", example = "{\"GENERAL_PRACTICE\": 35, \"PAEDIATRICS\": 7}") Map<String, Long> activeDoctorsBySpecialty,
        @Schema(description = "Places left at active doctors who accept new military patients", example = "310") long remainingPlaces,
        @Schema(description = "Requests waiting for a doctor (OPEN, PROPOSED or PARTIALLY_ASSIGNED) with a destination in the département", example = "12") long openRequests,
        @Schema(description = "Median days from registration to assignment, null when no request was assigned", example = "3.5") Double medianDaysToAssignment,
        @Schema(description = "Active doctors practising in a commune of a priority zone", example = "4") long doctorsInPriorityZones,
        @Schema(description = "ORSAN plans activated in the département and not stood down", example = "[\"AMAVI\"]") List<String> activeCrisisPlans) {
}
