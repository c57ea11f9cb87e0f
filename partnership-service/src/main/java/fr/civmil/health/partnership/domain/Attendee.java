package fr.civmil.health.partnership.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Someone who attended a committee meeting, for one of the parties. */
@Schema(description = "An attendee of a committee meeting")
public record Attendee(
        @Schema(example = "ARS") @NotNull Party party,
        @Schema(example = "Didier JAFFRE") @NotBlank @Size(max = 200) String name,
        @Schema(example = "Directeur général") @NotBlank @Size(max = 300) String function) {
}
