package fr.civmil.health.referral.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

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

    @Schema(name = "ReferralRequestInput", description = "A relocated household, known only by the CNMSS case reference: no name, no social-security number (such fields are refused)")
    public record RequestInput(
            @Schema(description = "Opaque CNMSS case reference; a value that looks like a social-security number (NIR) is refused", example = "CNMSS-2026-000417")
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._/-]{2,63}$", message = "must be 3 to 64 letters, digits, '.', '_', '/' or '-'") String caseReference,
            @Schema(pattern = IdentifierPatterns.INSEE_COMMUNE, description = "INSEE code of the commune the household moves to", example = "83137") @NotNull @Identifier(IdentifierKind.INSEE_COMMUNE) String destinationCommuneCode,
            @Schema(example = "2026-12-15") @NotNull LocalDate relocationDate,
            @Schema(description = "Number of people in the household", example = "4") @NotNull @Min(1) @Max(20) Integer householdSize,
            @Schema(description = "Specialties needed (same codes as the directory)", example = "[\"GENERAL_PRACTICE\", \"PAEDIATRICS\"]") @NotEmpty @Size(max = 10) List<@NotNull Specialty> needs) {
    }

    @Schema(name = "AssignmentInput")
    public record AssignmentInput(
            @Schema(description = "The referenced doctor who takes the household", example = "3f1e9a52-6a0f-4c6b-9a57-0e4c1d2b7f10") @NotNull UUID doctorId) {
    }

    @Schema(name = "ReasonInput")
    public record ReasonInput(
            @Schema(example = "Household chose a doctor outside the network") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "Destination")
    public record Destination(
            @Schema(example = "83137") String communeCode,
            @Schema(example = "Toulon") String communeName,
            @Schema(example = "83") String departementCode,
            @Schema(example = "248300543") String epciSiren,
            @Schema(example = "93") String regionCode) {
    }

    @Schema(name = "ReferralRequest")
    public record RequestView(
            @Schema(example = "8c1b0f3e-27d4-4c55-a3a1-7d0c2f3e9b21") UUID id,
            @Schema(example = "CNMSS-2026-000417") String caseReference,
            Destination destination,
            @Schema(example = "2026-12-15") LocalDate relocationDate,
            @Schema(example = "4") int householdSize,
            @Schema(example = "[\"GENERAL_PRACTICE\"]") List<Specialty> needs,
            @Schema(example = "OPEN") ReferralStatus status,
            @Schema(description = "Why the request was cancelled or expired") String statusReason,
            OffsetDateTime createdAt,
            @Schema(description = "When the request expires if not assigned by then") OffsetDateTime expiresAt,
            UUID assignedDoctorId,
            OffsetDateTime assignedAt,
            OffsetDateTime endedAt,
            @Schema(description = "Version, also sent as ETag", example = "1") long version) {
    }

    @Schema(name = "Proposal", description = "A ranked candidate doctor and why it has this rank")
    public record ProposalView(
            @Schema(example = "1") int rank,
            UUID doctorId,
            @Schema(example = "10003456786") String rpps,
            @Schema(example = "Martin") String lastName,
            @Schema(example = "Claire") String firstName,
            @Schema(example = "GENERAL_PRACTICE") Specialty specialty,
            @Schema(example = "SAME_COMMUNE") Proximity proximity,
            @Schema(example = "CONFIRMED") CapacityStatus capacityStatus,
            @Schema(description = "Remaining places when the proposal was made", example = "12") int remainingPlaces,
            @Schema(example = "[\"practises in the destination commune Toulon (83137)\", \"charter active\", \"accepting new military patients\", \"capacity confirmed on 2026-11-02\", \"12 places remaining\"]") List<String> reasons) {
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
