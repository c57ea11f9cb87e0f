package fr.civmil.health.partnership.domain;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person who signs the contract for an organisation. */
@Schema(description = "A signatory of the contract")
public record Signatory(
        @Schema(description = "The party this signatory signs for (SSA or ARS), for the annual reviews and the committee's minutes; absent for the other parties' signatories", example = "ARS") Party party,
        @Schema(example = "Didier JAFFRE") @NotBlank @Size(max = 200) String name,
        @Schema(example = "Directeur général") @NotBlank @Size(max = 300) String function,
        @Schema(example = "ARS Occitanie") @NotBlank @Size(max = 300) String organisation,
        @Schema(description = "Date of signature; required on every signatory before the contract can be SIGNED", example = "2025-06-12") LocalDate signedOn) {
}
