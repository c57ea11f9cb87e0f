package fr.civmil.health.partnership.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a review froze: the commitments that existed on {@code asOf} (the end of the reviewed year, or the review
 * date if earlier), each with its status on that day, and every indicator's value measured by then.
 */
@Schema(description = "Frozen state of every commitment and indicator as of the end of the reviewed year (or the review date, if earlier)")
public record ReviewSnapshot(
        @Schema(description = "The day the snapshot describes: 31 December of the reviewed year, or the review date if earlier", example = "2025-12-31") LocalDate asOf,
        List<CommitmentLine> commitments) {

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
