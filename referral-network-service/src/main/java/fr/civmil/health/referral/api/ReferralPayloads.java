package fr.civmil.health.referral.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.referral.domain.CapacityStatus;
import fr.civmil.health.referral.domain.Proximity;
import fr.civmil.health.referral.domain.ReferralStatus;
import fr.civmil.health.referral.domain.Specialty;

/** Referral requests of relocated military households: what the CNMSS sends and reads. */
public final class ReferralPayloads {

    private ReferralPayloads() {
    }

    /** CNMSS office, year, sequence: 12 digits at most, so neither a name nor a NIR (13 digits) fits. */
    public static final String CASE_REFERENCE = "^CNMSS-[0-9]{2}-20[0-9]{2}-[0-9]{6}$";

    @Schema(name = "ReferralRequestInput", description = "A relocated household, known only by the CNMSS case reference: no name, no social-security number (such fields are refused)")
    public record RequestInput(
            @Schema(description = "CNMSS case reference: CNMSS-<office, 2 digits>-<year>-<sequence, 6 digits>. It cannot hold a name or a social-security number", pattern = CASE_REFERENCE, example = "CNMSS-83-2026-000417")
            @NotNull @Pattern(regexp = CASE_REFERENCE, message = "{civmil.referral.case-reference}") String caseReference,
            @Schema(pattern = IdentifierPatterns.INSEE_COMMUNE, description = "INSEE code of the commune the household moves to", example = "83137") @NotNull @Identifier(IdentifierKind.INSEE_COMMUNE) String destinationCommuneCode,
            @Schema(description = "Date of the posting (mutation)", example = "2026-12-15") @NotNull LocalDate relocationDate,
            @Schema(description = "When the household is expected in the destination commune; when given, the request expires a configured number of days (60) after it instead of after its registration", example = "2027-01-04") LocalDate expectedArrivalDate,
            @Schema(description = "Number of people in the household", example = "4") @NotNull @Min(1) @Max(20) Integer householdSize,
            @Schema(description = "What the household needs: each specialty once, for as many of its people as need it") @NotEmpty @Size(max = 10) List<@NotNull @Valid NeedInput> needs) {
    }

    @Schema(name = "NeedInput", description = "A specialty needed by some of the household's people (at most the household size)")
    public record NeedInput(
            @Schema(example = "PAEDIATRICS") @NotNull Specialty specialty,
            @Schema(description = "People this need covers: the places an assignment takes", example = "2") @NotNull @Min(1) @Max(20) Integer people) {
    }

    @Schema(name = "AssignmentInput")
    public record AssignmentInput(
            @Schema(description = "The referenced doctor who takes the people of the need", example = "3f1e9a52-6a0f-4c6b-9a57-0e4c1d2b7f10") @NotNull UUID doctorId,
            @Schema(description = "The need assigned: the doctor's specialty must serve it", example = "GENERAL_PRACTICE") @NotNull Specialty need) {
    }

    @Schema(name = "ReasonInput")
    public record ReasonInput(
            @Schema(description = "Why, in a few words: no name and no social-security number (refused with 422)", example = "Mutation annulée") @NotBlank @Size(max = 500) String reason) {
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
}
