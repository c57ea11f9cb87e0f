package fr.civmil.health.partnership.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.civmil.health.partnership.domain.CommitmentStatus;
import fr.civmil.health.partnership.domain.Owner;

/** What a resource hands to {@link CommitmentService}. */
public final class CommitmentCommands {

    private CommitmentCommands() {
    }

    /** A commitment's content, when it is created or corrected. */
    public record CommitmentDraft(int axis, Owner owner, String title, String description, List<String> deliverables,
            LocalDate dueDate, List<UUID> zoneIds) {
    }

    /** A lifecycle step; abandoning needs the reason. */
    public record StatusStep(CommitmentStatus status, String reason) {
    }
}
