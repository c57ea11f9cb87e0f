package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A decision of the committee on one commitment: the status it gives it, and why. */
@Entity
@Table(name = "committee_decision")
public class CommitteeDecision extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID meetingId;
    public UUID commitmentId;
    @Enumerated(EnumType.STRING)
    public CommitmentStatus toStatus;
    public String text;
    public String decidedBy;
    public Instant createdAt;

    /** The decisions of each meeting, oldest first, in one query for a whole page of meetings. */
    public static Map<UUID, List<CommitteeDecision>> ofMeetings(Collection<UUID> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        return CommitteeDecision.<CommitteeDecision>list("meetingId in ?1 order by createdAt, id", meetingIds).stream()
                .collect(Collectors.groupingBy(decision -> decision.meetingId));
    }

    /** How many decisions each meeting took (absent: none), in one query. */
    public static Map<UUID, Long> countsOf(Collection<UUID> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery(
                "select d.meetingId, count(d) from CommitteeDecision d where d.meetingId in :ids group by d.meetingId", Object[].class)
                .setParameter("ids", meetingIds).getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
    }
}
