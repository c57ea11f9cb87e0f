package fr.civmil.health.partnership.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import fr.civmil.health.partnership.domain.Attendee;
import fr.civmil.health.partnership.domain.Commitment;
import fr.civmil.health.partnership.domain.CommitmentStatus;
import fr.civmil.health.partnership.domain.CommitteeDecision;
import fr.civmil.health.partnership.domain.CommitteeMeeting;
import fr.civmil.health.partnership.domain.Contract;
import fr.civmil.health.partnership.domain.MeetingKind;
import fr.civmil.health.partnership.domain.Party;
import fr.civmil.health.partnership.service.CommitmentCommands.StatusStep;
import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.persistence.Pages;
import fr.civmil.health.platform.security.Caller;

/**
 * The contract's follow-up committee: its meetings, the decisions they take on commitments (applied to each
 * commitment in the same transaction, and named in its status history), and the two parties' sign-off of the minutes.
 */
@ApplicationScoped
public class CommitteeService {

    private static final Map<String, String> SORTS = Map.of("heldOn", "heldOn");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** What a meeting says when it is recorded or corrected. */
    public record MeetingRecord(LocalDate heldOn, MeetingKind kind, String place, List<Attendee> attendees, String minutes) {
    }

    /** A decision on one commitment: the status the committee gives it, and its words. */
    public record Decision(UUID commitmentId, CommitmentStatus status, String text) {
    }

    private final ContractService contracts;
    private final CommitmentService commitments;
    private final EntityManager entityManager;
    private final Clock clock;

    public CommitteeService(ContractService contracts, CommitmentService commitments, EntityManager entityManager, Clock clock) {
        this.contracts = contracts;
        this.commitments = commitments;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public CommitteeMeeting find(UUID contractId, UUID id) {
        contracts.find(contractId);
        CommitteeMeeting meeting = CommitteeMeeting.findById(id);
        if (meeting == null || !meeting.contractId.equals(contractId)) {
            throw DomainException.notFound("meeting", id);
        }
        return meeting;
    }

    public Page<CommitteeMeeting> page(UUID contractId, Integer year, PageRequest request) {
        contracts.find(contractId);
        var sort = Pages.sort(request, SORTS, "-heldOn", "id");
        var query = year == null ? CommitteeMeeting.<CommitteeMeeting>find("contractId", sort, contractId)
                : CommitteeMeeting.<CommitteeMeeting>find("contractId = ?1 and year(heldOn) = ?2", sort, contractId, year);
        return Pages.of(query, request, m -> m);
    }

    public List<CommitteeDecision> decisions(UUID meetingId) {
        return CommitteeDecision.list("meetingId = ?1 order by createdAt, id", meetingId);
    }

    /** The decisions of each of these meetings (a page of them), read at once. */
    public Map<UUID, List<CommitteeDecision>> decisions(List<CommitteeMeeting> meetings) {
        return CommitteeDecision.ofMeetings(meetings.stream().map(m -> m.id).toList());
    }

    @Transactional
    public CommitteeMeeting record(UUID contractId, MeetingRecord record, Caller caller) {
        Contract contract = contracts.findForChange(contractId, caller);
        checkDate(contract, record.heldOn());
        CommitteeMeeting meeting = new CommitteeMeeting();
        meeting.id = UUID.randomUUID();
        meeting.contractId = contractId;
        apply(meeting, record);
        meeting.createdBy = caller.subject();
        meeting.createdAt = Instant.now(clock);
        meeting.persist();
        entityManager.flush();
        return meeting;
    }

    @Transactional
    public CommitteeMeeting correct(UUID contractId, UUID id, String ifMatch, MeetingRecord record, Caller caller) {
        Contract contract = contracts.findForChange(contractId, caller);
        CommitteeMeeting meeting = lockedForChange(contractId, id);
        Etags.requireMatch(ifMatch, meeting.version);
        checkDate(contract, record.heldOn());
        apply(meeting, record);
        entityManager.flush();
        return meeting;
    }

    /**
     * Records a decision and applies it to its commitment in the same transaction: the commitment moves by its own
     * lifecycle's rules (409 otherwise, nothing recorded), its history names the decision, its event is published.
     * The meeting's version moves too: the parties sign what they read, decisions included.
     */
    @Transactional
    public CommitteeDecision decide(UUID contractId, UUID meetingId, Decision decision, Caller caller) {
        contracts.findForChange(contractId, caller);
        CommitteeMeeting meeting = lockedForChange(contractId, meetingId);
        CommitteeDecision recorded = new CommitteeDecision();
        recorded.id = UUID.randomUUID();
        recorded.meetingId = meeting.id;
        recorded.commitmentId = decision.commitmentId();
        recorded.toStatus = decision.status();
        recorded.text = decision.text();
        recorded.decidedBy = caller.subject();
        recorded.createdAt = Instant.now(clock);
        if (!Commitment.<Commitment>findByIdOptional(decision.commitmentId()).map(c -> c.contractId.equals(contractId)).orElse(false)) {
            throw DomainException.unprocessable("unknown-commitment", decision.commitmentId());
        }
        recorded.persist();
        entityManager.flush();
        String why = "Décision du comité de suivi du " + DAY.format(meeting.heldOn) + " : " + decision.text();
        commitments.decide(contractId, decision.commitmentId(), new StatusStep(decision.status(), why), caller.subject(), recorded.id);
        entityManager.lock(meeting, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return recorded;
    }

    /** One party signs the minutes off, for a named signatory of the contract; both signatures need both parties present. */
    @Transactional
    public CommitteeMeeting sign(UUID contractId, UUID id, Party party, String signatory, String ifMatch, Caller caller) {
        Contract contract = contracts.find(contractId);
        caller.mayActOnRegion(contract.regionCode);
        CommitteeMeeting meeting = find(contractId, id);
        entityManager.lock(meeting, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(meeting);
        Etags.requireMatch(ifMatch, meeting.version);
        if (meeting.signOff().signedBy(party)) {
            throw DomainException.conflict("minutes-already-signed", party);
        }
        if (meeting.minutes == null || meeting.minutes.isBlank()) {
            throw DomainException.conflict("minutes-missing");
        }
        if (!meeting.attendedBy(Party.SSA) || !meeting.attendedBy(Party.ARS)) {
            throw DomainException.conflict("minutes-without-both-parties");
        }
        meeting.sign(party, contracts.signature(contract, party, signatory, caller, Instant.now(clock)));
        entityManager.flush();
        return meeting;
    }

    /** The meeting, locked; once a party signed its minutes, nothing of it changes. */
    private CommitteeMeeting lockedForChange(UUID contractId, UUID id) {
        CommitteeMeeting meeting = find(contractId, id);
        entityManager.lock(meeting, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(meeting);
        if (meeting.signOff().byAnyone()) {
            throw DomainException.conflict("minutes-signed", DAY.format(meeting.heldOn));
        }
        return meeting;
    }

    private void checkDate(Contract contract, LocalDate heldOn) {
        if (heldOn.isAfter(LocalDate.now(clock))) {
            throw DomainException.invalidField("heldOn", "field.not-future");
        }
        if (contract.periodStart != null && heldOn.isBefore(contract.periodStart)) {
            throw DomainException.invalidField("heldOn", "field.not-before", contract.periodStart);
        }
    }

    private static void apply(CommitteeMeeting meeting, MeetingRecord record) {
        meeting.heldOn = record.heldOn();
        meeting.kind = record.kind();
        meeting.place = record.place();
        meeting.attendees = List.copyOf(record.attendees());
        meeting.minutes = record.minutes();
    }
}
