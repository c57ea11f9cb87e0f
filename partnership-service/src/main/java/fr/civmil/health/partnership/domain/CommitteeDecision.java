package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
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
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Column(name = "commitment_id")
    public UUID commitmentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public CommitmentStatus toStatus;
    public String text;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
