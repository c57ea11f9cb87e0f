package fr.civmil.health.partnership.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import fr.civmil.health.partnership.domain.AnnualReview;
import fr.civmil.health.partnership.domain.Commitment;
import fr.civmil.health.partnership.domain.CommitmentStatus;
import fr.civmil.health.partnership.domain.CommitmentStatusChange;
import fr.civmil.health.partnership.domain.CommitteeDecision;
import fr.civmil.health.partnership.domain.CommitteeMeeting;
import fr.civmil.health.partnership.domain.Contract;
import fr.civmil.health.partnership.domain.Indicator;
import fr.civmil.health.partnership.domain.Measurement;
import fr.civmil.health.partnership.domain.MeasurementSource;
import fr.civmil.health.partnership.domain.Party;
import fr.civmil.health.partnership.domain.ReviewComment;
import fr.civmil.health.partnership.domain.ReviewComparison;
import fr.civmil.health.partnership.domain.ReviewSnapshot;
import fr.civmil.health.partnership.domain.ReviewSnapshot.CommitmentLine;
import fr.civmil.health.partnership.domain.ReviewSnapshot.IndicatorLine;
import fr.civmil.health.partnership.events.PartnershipEvents.ReviewSigned;
import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.outbox.Outbox;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.persistence.Pages;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.time.Clocks;

/** Annual reviews: a frozen snapshot, comments, and a sign-off by each party after which nothing changes. */
@ApplicationScoped
public class ReviewService {

    private static final Map<String, String> SORTS = Map.of("year", "year");

    /** A review with what its view shows: its comments, and the follow-up committee's meetings of its year. */
    public record ReviewDetails(AnnualReview review, List<ReviewComment> comments, List<MeetingOfYear> meetings) {
    }

    /** A meeting of the reviewed year, and how many decisions on commitments it took. */
    public record MeetingOfYear(CommitteeMeeting meeting, long decisions) {
    }

    private final ContractService contracts;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Clock clock;

    public ReviewService(ContractService contracts, EntityManager entityManager, Outbox outbox, Clock clock) {
        this.contracts = contracts;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.clock = clock;
    }

    public AnnualReview find(UUID contractId, int year) {
        contracts.find(contractId);
        AnnualReview review = AnnualReview.of(contractId, year);
        if (review == null) {
            throw DomainException.notFound("review", year);
        }
        return review;
    }

    /** The review of {@code year} against the one of {@code with}, the same contract's. */
    public ReviewComparison compare(UUID contractId, int year, int with) {
        return ReviewComparison.between(find(contractId, with), find(contractId, year));
    }

    public Page<ReviewDetails> page(UUID contractId, PageRequest request) {
        contracts.find(contractId);
        Page<AnnualReview> page = Pages.of(AnnualReview.<AnnualReview>find("contractId", Pages.sort(request, SORTS, "-year", "id"), contractId),
                request, r -> r);
        return new Page<>(details(page.items()), page.page(), page.size(), page.total(), page.totalPages());
    }

    public ReviewDetails details(AnnualReview review) {
        return details(List.of(review)).get(0);
    }

    /** The details of each review, in order, read in a few queries however many reviews there are (a page of them). */
    private static List<ReviewDetails> details(List<AnnualReview> reviews) {
        Map<UUID, List<ReviewComment>> comments = ReviewComment.ofReviews(reviews.stream().map(r -> r.id).toList());
        Map<UUID, Map<Integer, List<CommitteeMeeting>>> meetings = new HashMap<>();
        reviews.stream().collect(Collectors.groupingBy(r -> r.contractId, Collectors.mapping(r -> r.year, Collectors.toSet())))
                .forEach((contractId, years) -> meetings.put(contractId, CommitteeMeeting.heldIn(contractId, years)));
        Map<UUID, Long> decisions = CommitteeDecision.countsOf(meetings.values().stream().flatMap(byYear -> byYear.values().stream())
                .flatMap(List::stream).map(m -> m.id).toList());
        return reviews.stream().map(r -> new ReviewDetails(r, comments.getOrDefault(r.id, List.of()),
                meetings.get(r.contractId).getOrDefault(r.year, List.of()).stream()
                        .map(m -> new MeetingOfYear(m, decisions.getOrDefault(m.id, 0L))).toList()))
                .toList();
    }

    @Transactional
    public AnnualReview open(UUID contractId, int year, LocalDate reviewDate, Caller caller) {
        contracts.findForChange(contractId, caller);
        LocalDate date = reviewDate == null ? LocalDate.now(clock) : reviewDate;
        checkDate(year, date);
        // Two concurrent openings of the same year: the second waits, then finds the first.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('annual-review'), hashtext(?1))")
                .setParameter(1, contractId + "/" + year).getSingleResult();
        if (AnnualReview.of(contractId, year) != null) {
            throw DomainException.conflict("review-exists", year);
        }
        AnnualReview review = new AnnualReview();
        review.id = UUID.randomUUID();
        review.contractId = contractId;
        review.year = year;
        review.reviewDate = date;
        review.snapshot = snapshot(contractId, year, date);
        review.createdAt = Instant.now();
        review.persist();
        entityManager.flush();
        return review;
    }

    /** Takes the snapshot again (e.g. after late measurements), as long as nobody has signed. */
    @Transactional
    public AnnualReview refresh(UUID contractId, int year, String ifMatch, LocalDate reviewDate, Caller caller) {
        caller.mayActOnRegion(contracts.find(contractId).regionCode);
        AnnualReview review = lockedForChange(contractId, year);
        Etags.requireMatch(ifMatch, review.version);
        if (review.signOff().byAnyone()) {
            throw DomainException.conflict("review-signed.retake");
        }
        if (reviewDate != null) {
            checkDate(year, reviewDate);
            review.reviewDate = reviewDate;
        }
        review.snapshot = snapshot(contractId, review.year, review.reviewDate);
        entityManager.flush();
        return review;
    }

    @Transactional
    public ReviewComment comment(UUID contractId, int year, UUID commitmentId, String text, Caller caller) {
        caller.mayActOnRegion(contracts.find(contractId).regionCode);
        AnnualReview review = lockedForChange(contractId, year);
        if (review.snapshot.commitments().stream().noneMatch(c -> c.commitmentId().equals(commitmentId))) {
            throw DomainException.unprocessable("unknown-commitment.review", commitmentId, year);
        }
        // A comment changes what the parties sign: their If-Match must have seen it.
        entityManager.lock(review, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        ReviewComment comment = new ReviewComment();
        comment.id = UUID.randomUUID();
        comment.reviewId = review.id;
        comment.commitmentId = commitmentId;
        comment.author = caller.subject();
        comment.text = text;
        comment.createdAt = Instant.now();
        comment.persist();
        entityManager.flush();
        return comment;
    }

    @Transactional
    public AnnualReview sign(UUID contractId, int year, Party party, String signatory, String ifMatch, Caller caller) {
        Contract contract = contracts.find(contractId);
        caller.mayActOnRegion(contract.regionCode);
        AnnualReview review = lockedForChange(contractId, year);
        Etags.requireMatch(ifMatch, review.version);
        if (review.signOff().signedBy(party)) {
            throw DomainException.conflict("already-signed", party, year);
        }
        review.sign(party, contracts.signature(contract, party, signatory, caller, Instant.now(clock)));
        entityManager.flush();
        outbox.record(new ReviewSigned(review.id, contractId, year, party.name(), review.signOff().byBoth()));
        return review;
    }

    /** The review, locked against concurrent change, refusing any change once both parties signed. */
    private AnnualReview lockedForChange(UUID contractId, int year) {
        AnnualReview review = find(contractId, year);
        entityManager.lock(review, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(review);
        if (review.signOff().byBoth()) {
            throw DomainException.conflict("review-signed", year);
        }
        return review;
    }

    private void checkDate(int year, LocalDate date) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw DomainException.invalidField("reviewDate", "field.not-future");
        }
        if (date.getYear() < year) {
            throw DomainException.invalidField("reviewDate", "field.year-or-later", year);
        }
    }

    /**
     * The year as it ended (or as it stands on the review date, if earlier): the commitments created by then, each with
     * the status its history gives on that day, and the last measurement of each indicator taken by then.
     */
    private static ReviewSnapshot snapshot(UUID contractId, int year, LocalDate reviewDate) {
        LocalDate asOf = reviewDate.isBefore(LocalDate.of(year, 12, 31)) ? reviewDate : LocalDate.of(year, 12, 31);
        Instant endOfDay = asOf.plusDays(1).atStartOfDay(Clocks.PARIS).toInstant();
        List<CommitmentLine> lines = new ArrayList<>();
        for (Commitment c : Commitment.<Commitment>list("contractId = ?1 and createdAt < ?2 order by axisNumber, dueDate, id", contractId,
                endOfDay)) {
            CommitmentStatusChange last = CommitmentStatusChange.<CommitmentStatusChange>find(
                    "commitmentId = ?1 and changedAt < ?2 order by changedAt desc, id desc", c.id, endOfDay).firstResult();
            CommitmentStatus status = last == null ? c.status : last.toStatus;
            List<IndicatorLine> indicators = new ArrayList<>();
            for (Indicator i : Indicator.<Indicator>list("commitmentId = ?1 order by name, id", c.id)) {
                Measurement m = Measurement.<Measurement>find(
                        "indicatorId = ?1 and measuredOn <= ?2 order by measuredOn desc, recordedAt desc", i.id, asOf).firstResult();
                indicators.add(new IndicatorLine(i.id, i.name, i.unit, i.baseline, i.target, i.direction,
                        i.feed == null ? MeasurementSource.MANUAL : MeasurementSource.AUTOMATIC,
                        m == null ? null : m.value, m == null ? null : m.measuredOn,
                        m == null ? null : i.progress(m.value), m != null && i.targetReached(m.value)));
            }
            lines.add(new CommitmentLine(c.id, c.axisNumber, c.owner, c.title, status, c.dueDate, c.isLate(status, asOf), indicators));
        }
        return new ReviewSnapshot(asOf, lines);
    }
}
