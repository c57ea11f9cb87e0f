package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A meeting of the contract's follow-up committee ("comité de suivi"): when, who attended for each party, the
 * minutes and the decisions on commitments. Each party signs the minutes off; from the first signature on, nothing of
 * the meeting changes, so that both sign the same minutes.
 */
@Entity
@Table(name = "committee_meeting")
public class CommitteeMeeting extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contract_id")
    public UUID contractId;
    @Column(name = "held_on")
    public LocalDate heldOn;
    @Enumerated(EnumType.STRING)
    public MeetingKind kind;
    public String place;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attendee> attendees = new ArrayList<>();
    public String minutes;
    @Column(name = "ssa_signed_by")
    public String ssaSignedBy;
    @Column(name = "ssa_signed_at")
    public Instant ssaSignedAt;
    @Column(name = "ssa_signatory")
    public String ssaSignatory;
    @Column(name = "ssa_signatory_function")
    public String ssaSignatoryFunction;
    @Column(name = "ars_signed_by")
    public String arsSignedBy;
    @Column(name = "ars_signed_at")
    public Instant arsSignedAt;
    @Column(name = "ars_signatory")
    public String arsSignatory;
    @Column(name = "ars_signatory_function")
    public String arsSignatoryFunction;
    @Version
    public long version;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public boolean signedByAnyone() {
        return ssaSignedAt != null || arsSignedAt != null;
    }

    public boolean signedBy(Party party) {
        return party == Party.SSA ? ssaSignedAt != null : arsSignedAt != null;
    }

    public SignedBy signature(Party party) {
        return party == Party.SSA
                ? ssaSignedAt == null ? null : new SignedBy(ssaSignatory, ssaSignatoryFunction, ssaSignedBy, ssaSignedAt)
                : arsSignedAt == null ? null : new SignedBy(arsSignatory, arsSignatoryFunction, arsSignedBy, arsSignedAt);
    }

    public void sign(Party party, SignedBy by) {
        if (party == Party.SSA) {
            ssaSignatory = by.signatory();
            ssaSignatoryFunction = by.function();
            ssaSignedBy = by.actor();
            ssaSignedAt = by.at();
        } else {
            arsSignatory = by.signatory();
            arsSignatoryFunction = by.function();
            arsSignedBy = by.actor();
            arsSignedAt = by.at();
        }
    }

    public boolean attendedBy(Party party) {
        return attendees.stream().anyMatch(a -> a.party() == party);
    }

    /** The meetings of a contract held in a year, oldest first. */
    public static List<CommitteeMeeting> heldIn(UUID contractId, int year) {
        return list("contractId = ?1 and heldOn between ?2 and ?3 order by heldOn, id", contractId, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }
}
