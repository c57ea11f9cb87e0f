package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Embedded;
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
    public UUID contractId;
    public LocalDate heldOn;
    @Enumerated(EnumType.STRING)
    public MeetingKind kind;
    public String place;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attendee> attendees = new ArrayList<>();
    public String minutes;
    @Embedded
    public SignOff signOff;
    @Version
    public long version;
    public String createdBy;
    public Instant createdAt;

    public boolean attendedBy(Party party) {
        return attendees.stream().anyMatch(a -> a.party() == party);
    }

    /** The meetings of a contract held in a year, oldest first. */
    public static List<CommitteeMeeting> heldIn(UUID contractId, int year) {
        return list("contractId = ?1 and heldOn between ?2 and ?3 order by heldOn, id", contractId, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }

    /** The meetings of a contract held in each of these years, oldest first, in one query. */
    public static Map<Integer, List<CommitteeMeeting>> heldIn(UUID contractId, Collection<Integer> years) {
        if (years.isEmpty()) {
            return Map.of();
        }
        return CommitteeMeeting.<CommitteeMeeting>list("contractId = ?1 and year(heldOn) in ?2 order by heldOn, id", contractId, years)
                .stream().collect(Collectors.groupingBy(meeting -> meeting.heldOn.getYear()));
    }

    public SignOff signOff() {
        return SignOff.read(signOff);
    }

    public void sign(Party party, SignedBy by) {
        signOff = SignOff.signed(signOff, party, by);
    }
}
