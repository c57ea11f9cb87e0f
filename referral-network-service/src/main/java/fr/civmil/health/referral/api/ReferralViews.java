package fr.civmil.health.referral.api;

import java.time.LocalDate;
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
import fr.civmil.health.referral.domain.Specialty;
import fr.civmil.health.referral.service.ReferralCommands;

/** What the CNMSS sends about referral requests of relocated military households, and the commands it makes. */
public final class ReferralViews {

    private ReferralViews() {
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

        ReferralCommands.Registration toCommand() {
            return new ReferralCommands.Registration(caseReference, destinationCommuneCode, relocationDate, expectedArrivalDate,
                    householdSize, needs.stream().map(n -> new ReferralCommands.NeedWanted(n.specialty(), n.people())).toList());
        }
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
}
