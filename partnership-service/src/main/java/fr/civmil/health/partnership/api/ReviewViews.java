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
import fr.civmil.health.partnership.domain.CommitteeMeeting;
import fr.civmil.health.partnership.domain.MeetingKind;
import fr.civmil.health.partnership.domain.Party;
import fr.civmil.health.partnership.domain.ReviewComment;
import fr.civmil.health.partnership.domain.ReviewSnapshot;
import fr.civmil.health.partnership.domain.SignedBy;
import fr.civmil.health.partnership.service.ReviewService.MeetingOfYear;
import fr.civmil.health.partnership.service.ReviewService.ReviewDetails;
import fr.civmil.health.platform.strict.MultiLine;

/** Request and response bodies of annual reviews. */
public final class ReviewViews {

    private ReviewViews() {
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

    @Schema(name = "SignatureInput", description = "Who signs for the party: one of the contract's signatories for that party (its `party`), by name")
    public record SignatureInput(@Schema(example = "Didier JAFFRE") @NotBlank @Size(max = 200) String signatory) {
    }

    @Schema(name = "Signature")
    public record SignatureView(@Schema(description = "The caller who recorded the signature (token subject)", example = "dev-ars") String signedBy,
            Instant signedAt,
            @Schema(description = "The contract's signatory who signed, when named", example = "Didier JAFFRE") String signatory,
            @Schema(description = "The signatory's function", example = "Directeur général") String function) {

        public static SignatureView of(SignedBy by) {
            return by == null ? null : new SignatureView(by.actor(), by.at(), by.signatory(), by.function());
        }
    }

    @Schema(name = "AnnualReview")
    public record ReviewView(UUID id, UUID contractId, int year, LocalDate reviewDate,
            @Schema(description = "OPEN, PARTIALLY_SIGNED or SIGNED (immutable)", enumeration = { "OPEN", "PARTIALLY_SIGNED", "SIGNED" }, example = "OPEN") String status,
            SignatureView ssaSignature, SignatureView arsSignature, ReviewSnapshot snapshot, List<CommentView> comments,
            @Schema(description = "The follow-up committee's meetings held in the year") List<MeetingSummary> meetings) {

        static ReviewView of(ReviewDetails details) {
            AnnualReview r = details.review();
            return new ReviewView(r.id, r.contractId, r.year, r.reviewDate, r.signOff().status(),
                    SignatureView.of(r.signOff().of(Party.SSA)), SignatureView.of(r.signOff().of(Party.ARS)),
                    r.snapshot, details.comments().stream().map(CommentView::of).toList(),
                    details.meetings().stream().map(MeetingSummary::of).toList());
        }
    }

    @Schema(name = "ReviewMeeting", description = "A meeting of the follow-up committee in the reviewed year")
    public record MeetingSummary(UUID id, LocalDate heldOn, MeetingKind kind,
            @Schema(description = "How many decisions on commitments it took", example = "2") long decisions,
            @Schema(description = "Both parties signed its minutes") boolean signed) {

        static MeetingSummary of(MeetingOfYear meeting) {
            CommitteeMeeting m = meeting.meeting();
            return new MeetingSummary(m.id, m.heldOn, m.kind, meeting.decisions(), m.signOff().byBoth());
        }
    }
}
