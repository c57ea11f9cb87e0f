package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a commitment's status: from (null at creation), to, why, who and when. */
@Entity
@Table(name = "commitment_status_change")
public class CommitmentStatusChange extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID commitmentId;
    @Enumerated(EnumType.STRING)
    public CommitmentStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public CommitmentStatus toStatus;
    public String reason;
    public String changedBy;
    public Instant changedAt;
    /** The committee decision that made this change, if one did. */
    public UUID decisionId;

    public static CommitmentStatusChange of(UUID commitmentId, CommitmentStatus from, CommitmentStatus to, String reason, String by,
            Instant at) {
        CommitmentStatusChange change = new CommitmentStatusChange();
        change.id = UUID.randomUUID();
        change.commitmentId = commitmentId;
        change.fromStatus = from;
        change.toStatus = to;
        change.reason = reason;
        change.changedBy = by;
        change.changedAt = at;
        return change;
    }
}
