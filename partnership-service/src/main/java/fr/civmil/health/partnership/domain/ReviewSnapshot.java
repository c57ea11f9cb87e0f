package fr.civmil.health.partnership.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a review froze: every commitment's status and every indicator's value as of the review date. */
@Schema(description = "Frozen state of every commitment and indicator at the review date")
public record ReviewSnapshot(List<CommitmentLine> commitments) {

    @Schema(name = "ReviewCommitment")
    public record CommitmentLine(UUID commitmentId, int axis, Owner owner, String title, CommitmentStatus status,
            LocalDate dueDate, boolean late, List<IndicatorLine> indicators) {
    }

    @Schema(name = "ReviewIndicator")
    public record IndicatorLine(UUID indicatorId, String name, String unit, BigDecimal baseline, BigDecimal target,
            Direction direction, MeasurementSource kind,
            @Schema(description = "Latest value measured on or before the review date; null when none") BigDecimal value,
            LocalDate measuredOn, BigDecimal progress, boolean targetReached) {
    }
}
