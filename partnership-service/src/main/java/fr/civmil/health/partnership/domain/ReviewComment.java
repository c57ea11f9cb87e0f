package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A remark on one commitment made during an annual review. */
@Entity
@Table(name = "review_comment")
public class ReviewComment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID reviewId;
    public UUID commitmentId;
    public String author;
    public String text;
    public Instant createdAt;

    public static List<ReviewComment> ofReview(UUID reviewId) {
        return list("reviewId = ?1 order by createdAt, id", reviewId);
    }

    /** The comments of each review, oldest first, in one query for a whole page of reviews. */
    public static Map<UUID, List<ReviewComment>> ofReviews(Collection<UUID> reviewIds) {
        if (reviewIds.isEmpty()) {
            return Map.of();
        }
        return ReviewComment.<ReviewComment>list("reviewId in ?1 order by createdAt, id", reviewIds).stream()
                .collect(Collectors.groupingBy(comment -> comment.reviewId));
    }
}
