package fr.civmil.health.partnership.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import fr.civmil.health.partnership.domain.Axis;
import fr.civmil.health.partnership.domain.Commitment;
import fr.civmil.health.partnership.domain.CommitmentStatus;
import fr.civmil.health.partnership.domain.CommitmentStatusChange;
import fr.civmil.health.partnership.domain.Contract;
import fr.civmil.health.partnership.domain.KnownZone;
import fr.civmil.health.partnership.domain.Owner;
import fr.civmil.health.partnership.events.PartnershipEvents.CommitmentStatusChanged;
import fr.civmil.health.partnership.service.CommitmentCommands.CommitmentDraft;
import fr.civmil.health.partnership.service.CommitmentCommands.StatusStep;
import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.outbox.Outbox;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.persistence.Pages;
import fr.civmil.health.platform.security.Caller;

/** Commitments under a contract's axes, and their lifecycle (published as events). */
@ApplicationScoped
public class CommitmentService {

    private static final Map<String, String> SORTS = Map.of("dueDate", "dueDate", "axis", "axisNumber", "title", "title",
            "status", "status", "createdAt", "createdAt");

    private final ContractService contracts;
    private final Outbox outbox;
    private final Clock clock;

    public CommitmentService(ContractService contracts, Outbox outbox, Clock clock) {
        this.contracts = contracts;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Commitment find(UUID contractId, UUID id) {
        Commitment commitment = Commitment.findById(id);
        if (commitment == null || !commitment.contractId.equals(contractId)) {
            throw DomainException.notFound("commitment", id);
        }
        return commitment;
    }

    /** Filters: axis, owner, status, late. */
    public Page<Commitment> page(UUID contractId, PageRequest request, Integer axis, Owner owner, CommitmentStatus status, Boolean late) {
        contracts.find(contractId);
        StringBuilder where = new StringBuilder("contractId = :contract");
        Map<String, Object> params = new HashMap<>();
        params.put("contract", contractId);
        if (axis != null) {
            where.append(" and axisNumber = :axis");
            params.put("axis", axis);
        }
        if (owner != null) {
            where.append(" and owner = :owner");
            params.put("owner", owner);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (late != null) {
            where.append(late ? " and status in :open and dueDate < :today" : " and (status not in :open or dueDate >= :today)");
            params.put("open", List.of(CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS));
            params.put("today", LocalDate.now(clock));
        }
        var query = Commitment.<Commitment>find(where.toString(), Pages.sort(request, SORTS, "dueDate", "id"), params);
        return Pages.of(query, request, c -> c);
    }

    @Transactional
    public Commitment create(UUID contractId, CommitmentDraft input, Caller caller) {
        Contract contract = contracts.findForChange(contractId, caller);
        check(contract, input);
        Commitment commitment = new Commitment();
        commitment.id = UUID.randomUUID();
        commitment.contractId = contractId;
        apply(commitment, input);
        commitment.status = CommitmentStatus.PLANNED;
        commitment.createdAt = Instant.now(clock);
        commitment.updatedAt = commitment.createdAt;
        commitment.persist();
        CommitmentStatusChange.of(commitment.id, null, CommitmentStatus.PLANNED, null, caller.subject(), commitment.createdAt).persist();
        Commitment.getEntityManager().flush();
        return commitment;
    }

    /** The statuses a commitment took, oldest first. */
    public List<CommitmentStatusChange> history(UUID contractId, UUID id) {
        find(contractId, id);
        return CommitmentStatusChange.list("commitmentId = ?1 order by changedAt, id", id);
    }

    @Transactional
    public Commitment update(UUID contractId, UUID id, String ifMatch, CommitmentDraft input, Caller caller) {
        Contract contract = contracts.findForChange(contractId, caller);
        Commitment commitment = find(contractId, id);
        Etags.requireMatch(ifMatch, commitment.version);
        if (commitment.status.isClosed()) {
            throw DomainException.conflict("commitment-closed", commitment.status);
        }
        check(contract, input);
        apply(commitment, input);
        commitment.updatedAt = Instant.now(clock);
        Commitment.getEntityManager().flush();
        return commitment;
    }

    @Transactional
    public Commitment changeStatus(UUID contractId, UUID id, String ifMatch, StatusStep change, Caller caller) {
        contracts.findForChange(contractId, caller);
        Commitment commitment = find(contractId, id);
        Etags.requireMatch(ifMatch, commitment.version);
        move(commitment, change, caller.subject(), null);
        return commitment;
    }

    /**
     * Applies a committee decision to a commitment, in the caller's transaction: the commitment is locked (a decision
     * is not a client's stale write), moved by its lifecycle's rules, and the decision named in its history.
     */
    public Commitment decide(UUID contractId, UUID id, StatusStep change, String actor, UUID decisionId) {
        Commitment commitment = find(contractId, id);
        Commitment.getEntityManager().lock(commitment, LockModeType.PESSIMISTIC_WRITE);
        move(commitment, change, actor, decisionId);
        return commitment;
    }

    private void move(Commitment commitment, StatusStep change, String actor, UUID decisionId) {
        CommitmentStatus from = commitment.status;
        CommitmentStatus.LIFECYCLE.requireStep(from, change.status());
        if (change.status() == CommitmentStatus.ABANDONED && (change.reason() == null || change.reason().isBlank())) {
            throw DomainException.invalidField("reason", "field.reason-to-abandon");
        }
        commitment.status = change.status();
        commitment.statusReason = change.reason();
        commitment.updatedAt = Instant.now(clock);
        CommitmentStatusChange step = CommitmentStatusChange.of(commitment.id, from, change.status(), change.reason(), actor, commitment.updatedAt);
        step.decisionId = decisionId;
        step.persist();
        // Flushing the version bump first serialises writers of this commitment before its event.
        Commitment.getEntityManager().flush();
        outbox.record(new CommitmentStatusChanged(commitment.id, commitment.contractId, commitment.axisNumber,
                        from.name(), change.status().name(), change.reason()));
    }

    private static void check(Contract contract, CommitmentDraft input) {
        if (!Axis.exists(contract.id, input.axis())) {
            throw DomainException.unprocessable("unknown-axis", contract.reference, input.axis());
        }
        List<UUID> unknown = KnownZone.unknown(input.zoneIds());
        if (!unknown.isEmpty()) {
            throw DomainException.unprocessable("unknown-zone", unknown);
        }
    }

    private static void apply(Commitment commitment, CommitmentDraft input) {
        commitment.axisNumber = input.axis();
        commitment.owner = input.owner();
        commitment.title = input.title();
        commitment.description = input.description();
        commitment.deliverables = List.copyOf(input.deliverables());
        commitment.dueDate = input.dueDate();
        commitment.zoneIds = new ArrayList<>(new LinkedHashSet<>(input.zoneIds()));
    }
}
