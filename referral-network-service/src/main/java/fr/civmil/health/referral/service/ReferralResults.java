package fr.civmil.health.referral.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.platform.paging.Page;

import fr.civmil.health.referral.domain.CapacityStatus;
import fr.civmil.health.referral.domain.Proximity;
import fr.civmil.health.referral.domain.ReferralStatus;
import fr.civmil.health.referral.domain.Specialty;

/** What the referral operations return, as the CNMSS and auditors read it. */
public final class ReferralResults {

    private ReferralResults() {
    }

    @Schema(name = "Destination")
    public record Destination(
            @Schema(example = "83137") String communeCode,
            @Schema(example = "Toulon") String communeName,
            @Schema(example = "83") String departementCode,
            @Schema(example = "248300543") String epciSiren,
            @Schema(example = "93") String regionCode) {
    }

    @Schema(name = "Need", description = "A need of the household and, once assigned, the doctor who took its people")
    public record NeedView(
            @Schema(example = "PAEDIATRICS") Specialty specialty,
            @Schema(example = "2") int people,
            @Schema(description = "The doctor assigned to this need; null while it waits") UUID assignedDoctorId,
            OffsetDateTime assignedAt) {
    }

    @Schema(name = "ReferralRequest")
    public record RequestView(
            @Schema(example = "8c1b0f3e-27d4-4c55-a3a1-7d0c2f3e9b21") UUID id,
            @Schema(example = "CNMSS-83-2026-000417") String caseReference,
            Destination destination,
            @Schema(example = "2026-12-15") LocalDate relocationDate,
            @Schema(example = "2027-01-04") LocalDate expectedArrivalDate,
            @Schema(example = "4") int householdSize,
            @Schema(description = "Needs in specialty order; each shows its assignment") List<NeedView> needs,
            @Schema(description = "PARTIALLY_ASSIGNED while some needs have a doctor and others wait", example = "OPEN") ReferralStatus status,
            @Schema(description = "Why the request was cancelled or expired") String statusReason,
            OffsetDateTime createdAt,
            @Schema(description = "When the request expires if nothing is assigned by then: after the expected arrival when known, else after registration") OffsetDateTime expiresAt,
            @Schema(description = "When the last need was assigned") OffsetDateTime assignedAt,
            OffsetDateTime endedAt,
            @Schema(description = "Version, also sent as ETag", example = "1") long version) {
    }

    @Schema(name = "Proposal", description = "A ranked candidate doctor for one need and why it has this rank")
    public record ProposalView(
            @Schema(description = "The need this candidate is for", example = "GENERAL_PRACTICE") Specialty need,
            @Schema(description = "Rank within the need", example = "1") int rank,
            UUID doctorId,
            @Schema(example = "10003456786") String rpps,
            @Schema(example = "Martin") String lastName,
            @Schema(example = "Claire") String firstName,
            @Schema(example = "GENERAL_PRACTICE") Specialty specialty,
            @Schema(description = "Distance class", example = "SAME_COMMUNE") Proximity proximity,
            @Schema(example = "CONFIRMED") CapacityStatus capacityStatus,
            @Schema(description = "Remaining places when the proposal was made", example = "12") int remainingPlaces,
            @Schema(description = "Why this rank, in French for CNMSS staff", example = "[\"classe de distance : même commune (exerce à Toulon, 83137, la commune de destination)\", \"charte active depuis le 25/09/2024\", \"accepte de nouveaux patients militaires\", \"capacité confirmée depuis moins de 90 jours\", \"12 places restantes pour 2 personnes\", \"spécialité Médecine générale : celle du besoin\"]") List<String> reasons) {
    }

    @Schema(name = "ReferralRequestRead", description = "One read of a referral request, for the audit trail")
    public record ReadView(
            @Schema(example = "1042") long id,
            OffsetDateTime readAt,
            @Schema(description = "Subject of the caller's token", example = "dev-cnmss") String reader,
            UUID requestId,
            @Schema(description = "X-Request-Id of the HTTP request (generated when the caller sent none)", example = "b7c1d0a4-5f1e-4a8e-9e1f-0c5d2a7b3e44") String httpRequestId,
            @Schema(example = "READ") String operation) {
    }

    /** The first page of freshly computed proposals, and the request's new version. */
    public record Proposals(Page<ProposalView> page, long version) {
    }
}
