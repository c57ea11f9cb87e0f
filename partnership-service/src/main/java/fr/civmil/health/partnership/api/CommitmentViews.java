package fr.civmil.health.partnership.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.partnership.domain.Commitment;
import fr.civmil.health.partnership.domain.CommitmentStatus;
import fr.civmil.health.partnership.domain.CommitmentStatusChange;
import fr.civmil.health.partnership.domain.Owner;
import fr.civmil.health.partnership.domain.ParisTime;
import fr.civmil.health.partnership.service.CommitmentCommands.CommitmentDraft;
import fr.civmil.health.partnership.service.CommitmentCommands.StatusStep;
import fr.civmil.health.platform.strict.MultiLine;

/** Request and response bodies of commitments. */
public final class CommitmentViews {

    private CommitmentViews() {
    }

    @Schema(name = "CommitmentInput", description = "A commitment under an axis of the contract")
    public record CommitmentInput(
            @Schema(description = "Axis number (1 to the number of axes)", example = "1") @NotNull @Min(1) @Max(20) Integer axis,
            @Schema(example = "JOINT") @NotNull Owner owner,
            @Schema(example = "Consultations de médecins militaires en zones prioritaires") @NotBlank @Size(max = 300) String title,
            @Schema(example = "Le SSA propose des journées de consultation dans les EPCI prioritaires du Gers.") @NotBlank @MultiLine @Size(max = 4000) String description,
            @Schema(example = "[\"Planning trimestriel\", \"Bilan annuel\"]") @NotNull @Size(max = 30) List<@NotBlank @Size(max = 500) String> deliverables,
            @Schema(example = "2026-12-31") @NotNull LocalDate dueDate,
            @Schema(description = "Priority zones (ids from zones-service) the commitment concerns; unknown ids are refused with 422") @NotNull @Size(max = 100) List<@NotNull UUID> zoneIds) {

        CommitmentDraft toDraft() {
            return new CommitmentDraft(axis, owner, title, description, deliverables, dueDate, zoneIds);
        }
    }

    @Schema(name = "CommitmentStatusChange", description = "PLANNED → IN_PROGRESS → ACHIEVED | ABANDONED (reason required); PLANNED may be ABANDONED")
    public record StatusChange(
            @Schema(example = "IN_PROGRESS") @NotNull CommitmentStatus status,
            @Schema(description = "Required to abandon", example = "Budget not renewed") @Size(max = 1000) String reason) {

        StatusStep toStep() {
            return new StatusStep(status, reason);
        }
    }

    @Schema(name = "Commitment")
    public record CommitmentView(UUID id, UUID contractId, @Schema(example = "1") int axis, Owner owner, String title,
            String description, List<String> deliverables, LocalDate dueDate, List<UUID> zoneIds,
            @Schema(example = "IN_PROGRESS") CommitmentStatus status, String statusReason,
            @Schema(description = "Past its due date and neither achieved nor abandoned") boolean late,
            Instant createdAt, Instant updatedAt) {

        public static CommitmentView of(Commitment c) {
            return new CommitmentView(c.id, c.contractId, c.axisNumber, c.owner, c.title, c.description, c.deliverables,
                    c.dueDate, c.zoneIds, c.status, c.statusReason, c.isLate(ParisTime.today()), c.createdAt, c.updatedAt);
        }
    }

    @Schema(name = "CommitmentStatusStep", description = "One status a commitment took")
    public record StatusHistoryEntry(@Schema(description = "Null for the creation") CommitmentStatus from, CommitmentStatus to, String reason,
            @Schema(description = "Subject of the token that gave the status", example = "dev-ssa") String by, Instant at,
            @Schema(description = "The follow-up committee's decision that gave the status, if one did") UUID decisionId) {

        static StatusHistoryEntry of(CommitmentStatusChange change) {
            return new StatusHistoryEntry(change.fromStatus, change.toStatus, change.reason, change.changedBy, change.changedAt,
                    change.decisionId);
        }
    }
}
