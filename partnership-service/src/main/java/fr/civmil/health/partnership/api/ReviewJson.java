package fr.civmil.health.partnership.api;

import java.math.BigDecimal;
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

import fr.civmil.health.partnership.domain.AnnualReview;
import fr.civmil.health.partnership.domain.CommitmentStatus;
import fr.civmil.health.partnership.domain.ReviewComment;
import fr.civmil.health.partnership.domain.ReviewSnapshot;
import fr.civmil.health.platform.strict.MultiLine;

/** Request and response bodies of annual reviews. */
public final class ReviewJson {

    private ReviewJson() {
    }

    @Schema(name = "ReviewInput", description = "Opens the review of a year and freezes the snapshot")
    public record ReviewInput(
            @Schema(example = "2026") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "Date the snapshot is taken as of; today when absent; not in the future", example = "2026-11-20") LocalDate reviewDate) {
    }

    @Schema(name = "ReviewRefresh", description = "Takes the snapshot again, optionally as of another date")
    public record ReviewRefresh(@Schema(example = "2026-11-20") LocalDate reviewDate) {
    }

    @Schema(name = "ReviewCommentInput")
    public record CommentInput(@NotNull UUID commitmentId,
            @Schema(example = "Calendrier décalé au premier trimestre") @NotBlank @MultiLine @Size(max = 4000) String text) {
    }

    @Schema(name = "ReviewComment")
    public record CommentView(UUID id, UUID commitmentId, String author, String text, Instant createdAt) {
        public static CommentView of(ReviewComment c) {
            return new CommentView(c.id, c.commitmentId, c.author, c.text, c.createdAt);
        }
    }

    @Schema(name = "Signature")
    public record SignatureView(@Schema(example = "dev-ars") String signedBy, Instant signedAt) {
    }

    @Schema(name = "AnnualReview")
    public record ReviewView(UUID id, UUID contractId, int year, LocalDate reviewDate,
            @Schema(description = "OPEN, PARTIALLY_SIGNED or SIGNED (immutable)", enumeration = { "OPEN", "PARTIALLY_SIGNED", "SIGNED" }, example = "OPEN") String status,
            SignatureView ssaSignature, SignatureView arsSignature, ReviewSnapshot snapshot, List<CommentView> comments) {

        public static ReviewView of(AnnualReview r, List<ReviewComment> comments) {
            String status = r.isFullySigned() ? "SIGNED" : r.ssaSignedAt != null || r.arsSignedAt != null ? "PARTIALLY_SIGNED" : "OPEN";
            return new ReviewView(r.id, r.contractId, r.year, r.reviewDate, status,
                    r.ssaSignedAt == null ? null : new SignatureView(r.ssaSignedBy, r.ssaSignedAt),
                    r.arsSignedAt == null ? null : new SignatureView(r.arsSignedBy, r.arsSignedAt),
                    r.snapshot, comments.stream().map(CommentView::of).toList());
        }
    }

    @Schema(name = "ReviewComparison", description = "Two reviews side by side, commitment by commitment")
    public record Comparison(int fromYear, int toYear, List<CommitmentChange> commitments) {
    }

    @Schema(name = "CommitmentChange", description = "A commitment's status in each review (null when absent) and its indicators' values")
    public record CommitmentChange(UUID commitmentId, int axis, String title, CommitmentStatus fromStatus, CommitmentStatus toStatus,
            List<IndicatorChange> indicators) {
    }

    @Schema(name = "IndicatorChange")
    public record IndicatorChange(UUID indicatorId, String name, String unit, BigDecimal fromValue, BigDecimal toValue,
            @Schema(description = "toValue − fromValue when both exist") BigDecimal delta, BigDecimal fromProgress, BigDecimal toProgress) {
    }
}
