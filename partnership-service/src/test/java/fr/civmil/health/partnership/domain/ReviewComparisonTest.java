package fr.civmil.health.partnership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.civmil.health.partnership.domain.ReviewComparison.CommitmentChange;
import fr.civmil.health.partnership.domain.ReviewComparison.IndicatorChange;
import fr.civmil.health.partnership.domain.ReviewSnapshot.CommitmentLine;
import fr.civmil.health.partnership.domain.ReviewSnapshot.IndicatorLine;

/** The comparison of two years' reviews, without a database. */
class ReviewComparisonTest {

    private static final UUID KEPT = UUID.randomUUID();
    private static final UUID DROPPED = UUID.randomUUID();
    private static final UUID ADDED = UUID.randomUUID();
    private static final UUID VISITS = UUID.randomUUID();

    private static AnnualReview review(int year, CommitmentLine... commitments) {
        AnnualReview review = new AnnualReview();
        review.year = year;
        review.snapshot = new ReviewSnapshot(LocalDate.of(year, 12, 31), List.of(commitments));
        return review;
    }

    private static CommitmentLine commitment(UUID id, CommitmentStatus status, IndicatorLine... indicators) {
        return new CommitmentLine(id, 1, Owner.JOINT, "c-" + id, status, null, false, List.of(indicators));
    }

    private static IndicatorLine visits(String value, String progress) {
        return new IndicatorLine(VISITS, "Consultations", "jours", BigDecimal.ZERO, BigDecimal.TEN, Direction.HIGHER_IS_BETTER,
                MeasurementSource.MANUAL, new BigDecimal(value), null, new BigDecimal(progress), false);
    }

    @Test
    void everyCommitmentOfEitherYearTheLaterOnesFirstWithItsStatusInBoth() {
        ReviewComparison comparison = ReviewComparison.between(
                review(2025, commitment(DROPPED, CommitmentStatus.ABANDONED), commitment(KEPT, CommitmentStatus.PLANNED)),
                review(2026, commitment(KEPT, CommitmentStatus.IN_PROGRESS), commitment(ADDED, CommitmentStatus.PLANNED)));
        assertEquals(2025, comparison.fromYear());
        assertEquals(2026, comparison.toYear());
        assertEquals(List.of(KEPT, ADDED, DROPPED), comparison.commitments().stream().map(CommitmentChange::commitmentId).toList());
        CommitmentChange kept = comparison.commitments().get(0);
        assertEquals(CommitmentStatus.PLANNED, kept.fromStatus());
        assertEquals(CommitmentStatus.IN_PROGRESS, kept.toStatus());
        assertNull(comparison.commitments().get(1).fromStatus());
        assertNull(comparison.commitments().get(2).toStatus());
    }

    @Test
    void anIndicatorMeasuredBothYearsHasItsDeltaAndOneMeasuredOnceHasNone() {
        ReviewComparison both = ReviewComparison.between(review(2025, commitment(KEPT, CommitmentStatus.PLANNED, visits("4.5", "45"))),
                review(2026, commitment(KEPT, CommitmentStatus.IN_PROGRESS, visits("7", "70"))));
        assertEquals(new IndicatorChange(VISITS, "Consultations", "jours", new BigDecimal("4.5"), new BigDecimal("7"),
                new BigDecimal("2.5"), new BigDecimal("45"), new BigDecimal("70")), both.commitments().get(0).indicators().get(0));
        ReviewComparison once = ReviewComparison.between(review(2025, commitment(KEPT, CommitmentStatus.PLANNED)),
                review(2026, commitment(KEPT, CommitmentStatus.IN_PROGRESS, visits("7", "70"))));
        IndicatorChange added = once.commitments().get(0).indicators().get(0);
        assertNull(added.fromValue());
        assertNull(added.delta());
        assertEquals(new BigDecimal("7"), added.toValue());
    }
}
