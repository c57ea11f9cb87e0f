package fr.civmil.health.partnership.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.partnership.domain.Axis;
import fr.civmil.health.partnership.domain.Contract;
import fr.civmil.health.partnership.domain.ContractStatus;
import fr.civmil.health.partnership.domain.Signatory;
import fr.civmil.health.partnership.service.ContractCommands.ContractAmendment;
import fr.civmil.health.partnership.service.ContractCommands.ContractDraft;
import fr.civmil.health.partnership.service.ContractCommands.StatusStep;
import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;

/** Request and response bodies of contracts. */
public final class ContractViews {

    private ContractViews() {
    }

    @Schema(name = "ContractInput", description = "A new partnership contract with its axes")
    public record ContractInput(
            @Schema(description = "Unique human reference", example = "SSA-ARS-OCC-2025") @NotBlank @Size(max = 80) String reference,
            @Schema(example = "Contrat spécifique de partenariat SSA – ARS Occitanie") @NotBlank @Size(max = 300) String title,
            @Schema(pattern = IdentifierPatterns.REGION, description = "The région whose ARS is party to the contract; an ARS agent acts on its own région's contracts only", example = "76") @NotNull @Identifier(IdentifierKind.REGION) String regionCode,
            @Schema(example = "Code de la santé publique, article L6147-12") @NotBlank @Size(max = 200) String legalBasis,
            @Schema(example = "[\"ARS Occitanie\", \"Service de santé des armées\", \"Zone de défense et de sécurité Sud\"]") @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> parties,
            @NotNull @Size(max = 20) List<@Valid @NotNull Signatory> signatories,
            @Schema(example = "[\"Projet régional de santé Occitanie 2023-2028\", \"ORSAN\"]") @NotNull @Size(max = 20) List<@NotBlank @Size(max = 300) String> frameworkReferences,
            @Schema(example = "2025-06-12") @NotNull LocalDate periodStart,
            @Schema(description = "At most five years after the start", example = "2030-06-11") @NotNull LocalDate periodEnd,
            @Schema(description = "Axis titles, numbered from 1 in this order", example = "[\"Renforcer l'accès, la qualité et la pertinence de l'offre de soins\"]") @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> axes) {

        ContractDraft toDraft() {
            return new ContractDraft(reference, title, regionCode, legalBasis, parties, signatories, frameworkReferences, periodStart,
                    periodEnd, axes);
        }
    }

    @Schema(name = "ContractChanges", description = "New content of a contract still in DRAFT")
    public record ContractChanges(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 200) String legalBasis,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> parties,
            @NotNull @Size(max = 20) List<@Valid @NotNull Signatory> signatories,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 300) String> frameworkReferences,
            @NotNull LocalDate periodStart,
            @NotNull LocalDate periodEnd) {

        ContractAmendment toAmendment() {
            return new ContractAmendment(title, legalBasis, parties, signatories, frameworkReferences, periodStart, periodEnd);
        }
    }

    @Schema(name = "ContractStatusChange", description = "A lifecycle step: DRAFT → SIGNED → ACTIVE → EXPIRED | TERMINATED")
    public record StatusChange(
            @Schema(example = "SIGNED") @NotNull ContractStatus status,
            @Schema(description = "Required to terminate", example = "Replaced by the 2027 contract") @Size(max = 1000) String reason) {

        StatusStep toStep() {
            return new StatusStep(status, reason);
        }
    }

    @Schema(name = "Axis")
    public record AxisView(@Schema(example = "1") int number, @Schema(example = "Renforcer l'accès, la qualité et la pertinence de l'offre de soins") String title) {
        static AxisView of(Axis axis) {
            return new AxisView(axis.number, axis.title);
        }
    }

    @Schema(name = "Contract")
    public record ContractView(UUID id, String reference, String title, @Schema(example = "76") String regionCode, String legalBasis, List<String> parties,
            List<Signatory> signatories, List<String> frameworkReferences, LocalDate periodStart, LocalDate periodEnd,
            @Schema(example = "ACTIVE") ContractStatus status, String statusReason, List<AxisView> axes,
            Instant createdAt, Instant updatedAt) {

        public static ContractView of(Contract c, List<Axis> axes) {
            return new ContractView(c.id, c.reference, c.title, c.regionCode, c.legalBasis, c.parties, c.signatories, c.frameworkReferences,
                    c.periodStart, c.periodEnd, c.status, c.statusReason, axes.stream().map(AxisView::of).toList(),
                    c.createdAt, c.updatedAt);
        }
    }
}
