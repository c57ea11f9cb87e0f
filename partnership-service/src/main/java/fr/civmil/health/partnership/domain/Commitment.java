package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A commitment one party (or both) makes under an axis of the contract. */
@Entity
public class Commitment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID contractId;
    public int axisNumber;
    @Enumerated(EnumType.STRING)
    public Owner owner;
    public String title;
    public String description;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> deliverables = new ArrayList<>();
    public LocalDate dueDate;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<UUID> zoneIds = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public CommitmentStatus status;
    public String statusReason;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    /** Late: past its due date and still open (an abandoned commitment is closed, not late). */
    public boolean isLate(LocalDate today) {
        return isLate(status, today);
    }

    /** Late on that day, had it had that status. */
    public boolean isLate(CommitmentStatus statusThen, LocalDate day) {
        return !statusThen.isClosed() && dueDate.isBefore(day);
    }
}
