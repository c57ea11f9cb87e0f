package fr.civmil.health.referral.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.outbox.Outbox;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.persistence.TimeOrderedUuids;
import fr.civmil.health.platform.problem.ApiProblem;
import fr.civmil.health.referral.api.ReferralPayloads.Destination;
import fr.civmil.health.referral.api.ReferralPayloads.ProposalView;
import fr.civmil.health.referral.api.ReferralPayloads.RequestInput;
import fr.civmil.health.referral.api.ReferralPayloads.RequestView;
import fr.civmil.health.referral.config.ReferralConfig;
import fr.civmil.health.referral.domain.CapacityStatus;
import fr.civmil.health.referral.domain.Proximity;
import fr.civmil.health.referral.domain.ReferralRequest;
import fr.civmil.health.referral.domain.ReferralStatus;
import fr.civmil.health.referral.domain.Specialty;
import fr.civmil.health.referral.events.ReferralEvents;
import fr.civmil.health.referral.reference.Geography;
import io.quarkus.scheduler.Scheduled;

/**
 * Referral requests: registration, ranked proposals, assignment that reserves a doctor's place
 * atomically, cancellation that gives it back, closure and expiry. Reads are audited by the caller
 * through {@link ReadAudit} in the same transaction.
 */
@ApplicationScoped
public class ReferralService {

    private static final Logger LOG = Logger.getLogger(ReferralService.class);

    /** A French social-security number (NIR): 13 digits, 15 with its key; Corsica has 2A/2B in place of the département digits. */
    private static final Pattern NIR = Pattern.compile("^(\\d{13,15}|[1-478]\\d{4}2[AB]\\d{6}(\\d{2})?)$", Pattern.CASE_INSENSITIVE);

    public static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "expiresAt", "expiresAt",
            "relocationDate", "relocationDate", "status", "status");

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Geography geography;
    private final ReferralConfig config;
    private final DoctorViews doctorViews;

    public ReferralService(EntityManager entityManager, Outbox outbox, Geography geography, ReferralConfig config,
            DoctorViews doctorViews) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.geography = geography;
        this.config = config;
        this.doctorViews = doctorViews;
    }

    static boolean looksLikeNir(String caseReference) {
        return NIR.matcher(caseReference.replaceAll("[\\s.-]", "")).matches();
    }

    @Transactional
    public ReferralRequest register(RequestInput in) {
        if (looksLikeNir(in.caseReference())) {
            throw ApiProblem.unprocessable("social-security-number-refused",
                    "caseReference looks like a social-security number (NIR); send the opaque CNMSS case reference instead");
        }
        Geography.Located located = geography.locate(in.destinationCommuneCode(), null);
        if (!located.ok()) {
            throw ApiProblem.unprocessable("unknown-commune", "destinationCommuneCode: " + located.error());
        }
        if (ReferralRequest.count("caseReference = ?1 and status in ?2", in.caseReference(),
                List.of(ReferralStatus.OPEN, ReferralStatus.PROPOSED, ReferralStatus.ASSIGNED)) > 0) {
            throw duplicateCase(in.caseReference());
        }
        ReferralRequest r = new ReferralRequest();
        r.id = TimeOrderedUuids.next();
        r.caseReference = in.caseReference();
        r.destinationCommuneCode = located.place().communeCode();
        r.destinationDepartementCode = located.place().departementCode();
        r.destinationEpciSiren = located.place().epciSiren();
        r.destinationRegionCode = located.place().regionCode();
        r.relocationDate = in.relocationDate();
        r.householdSize = in.householdSize();
        r.needs = in.needs().stream().distinct().map(Enum::name).toList();
        r.status = ReferralStatus.OPEN;
        r.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.expiresAt = r.createdAt.plus(config.requestExpiry());
        try {
            r.persistAndFlush();
        } catch (PersistenceException e) {
            throw duplicateCase(in.caseReference());
        }
        return r;
    }

    public ReferralRequest find(UUID id) {
        ReferralRequest r = ReferralRequest.findById(id);
        if (r == null) {
            throw ApiProblem.notFound("Referral request", id);
        }
        return r;
    }

    /** Requests by status and destination; {@code expiringWithinDays} keeps waiting requests that expire that soon. */
    public Page<ReferralRequest> list(ReferralStatus status, String departementCode, Integer expiringWithinDays, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (departementCode != null) {
            query.append(" and destinationDepartementCode = :departementCode");
            params.put("departementCode", departementCode);
        }
        if (expiringWithinDays != null) {
            query.append(" and status in :waiting and expiresAt <= :horizon");
            params.put("waiting", List.copyOf(ReferralStatus.WAITING));
            params.put("horizon", OffsetDateTime.now(ZoneOffset.UTC).plusDays(expiringWithinDays));
        }
        var panache = ReferralRequest.<ReferralRequest>find(query.toString(),
                fr.civmil.health.platform.persistence.Pages.sort(page, SORTS, expiringWithinDays != null ? "expiresAt" : "-createdAt", "id"),
                params);
        List<ReferralRequest> items = panache.page(page.page, page.size).list();
        return Page.of(items, page, panache.count());
    }

    /** Ranks candidates and keeps the best {@code maxProposals}; OPEN or PROPOSED requests only. */
    @Transactional
    public ReferralRequest propose(UUID id) {
        ReferralRequest r = entityManager.find(ReferralRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ApiProblem.notFound("Referral request", id);
        }
        requireWaiting(r, "propose doctors for");
        LocalDate confirmedSince = doctorViews.confirmedSince();
        List<?> rows = entityManager.createNativeQuery("""
                select c.id, c.proximity_rank, c.confirmed, c.remaining_places, c.specialty, c.charter_status_since
                from (select d.id, d.search_name, d.remaining_places, d.specialty, d.charter_status_since,
                             d.capacity_confirmed_on >= :since as confirmed,
                             min(case when l.commune_code = :commune then 0
                                      when l.epci_siren = :epci then 1 else 2 end) as proximity_rank
                      from directory_entry e
                      join referenced_doctor d on d.id = e.doctor_id
                      join practice_location l on l.doctor_id = e.doctor_id and l.departement_code = e.departement_code
                      where e.departement_code = :departement and e.charter_status = 'ACTIVE'
                        and e.accepting_new_patients and e.remaining_places > 0 and e.specialty in (:needs)
                      group by d.id) c
                order by c.proximity_rank, c.confirmed desc, c.remaining_places desc, c.search_name, c.id
                limit :max""")
                .setParameter("since", confirmedSince)
                .setParameter("commune", r.destinationCommuneCode)
                .setParameter("epci", r.destinationEpciSiren == null ? "" : r.destinationEpciSiren)
                .setParameter("departement", r.destinationDepartementCode)
                .setParameter("needs", r.needs)
                .setParameter("max", config.maxProposals())
                .getResultList();
        entityManager.createNativeQuery("delete from referral_proposal where request_id = ?1").setParameter(1, id).executeUpdate();
        String communeName = geography.commune(r.destinationCommuneCode).map(c -> c.name()).orElse(r.destinationCommuneCode);
        int rank = 0;
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            Proximity proximity = Proximity.values()[((Number) c[1]).intValue()];
            boolean confirmed = (Boolean) c[2];
            int places = ((Number) c[3]).intValue();
            List<String> reasons = new ArrayList<>();
            reasons.add(switch (proximity) {
                case SAME_COMMUNE -> "practises in the destination commune " + communeName + " (" + r.destinationCommuneCode + ")";
                case SAME_EPCI -> "practises in the destination's EPCI (SIREN " + r.destinationEpciSiren + ")";
                case SAME_DEPARTEMENT -> "practises in the destination's département " + r.destinationDepartementCode;
            });
            reasons.add("charter active since " + Rows.date(c[5]));
            reasons.add("accepting new military patients");
            reasons.add(confirmed ? "capacity confirmed within " + config.capacityMaxAgeDays() + " days"
                    : "capacity not confirmed within " + config.capacityMaxAgeDays() + " days: ranked after confirmed capacity");
            reasons.add(places + (places == 1 ? " place remaining" : " places remaining"));
            reasons.add("specialty " + c[4] + " is one of the needs");
            entityManager.createNativeQuery("""
                    insert into referral_proposal (request_id, rank, doctor_id, proximity, capacity_confirmed, remaining_places, reasons)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                    .setParameter(1, id).setParameter(2, ++rank).setParameter(3, Rows.uuid(c[0]))
                    .setParameter(4, proximity.name()).setParameter(5, confirmed).setParameter(6, places)
                    .setParameter(7, String.join("\n", reasons)).executeUpdate();
        }
        r.status = ReferralStatus.PROPOSED;
        entityManager.flush();
        return r;
    }

    public Page<ProposalView> proposals(UUID id, PageRequest page) {
        find(id);
        long total = ((Number) entityManager.createNativeQuery("select count(*) from referral_proposal where request_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        List<?> rows = entityManager.createNativeQuery("""
                select p.rank, p.doctor_id, d.rpps, d.last_name, d.first_name, d.specialty, p.proximity,
                       p.capacity_confirmed, p.remaining_places, p.reasons
                from referral_proposal p join referenced_doctor d on d.id = p.doctor_id
                where p.request_id = ?1 order by p.rank limit ?2 offset ?3""")
                .setParameter(1, id).setParameter(2, page.size).setParameter(3, page.offset()).getResultList();
        List<ProposalView> items = new ArrayList<>();
        for (Object row : rows) {
            Object[] p = (Object[]) row;
            items.add(new ProposalView(((Number) p[0]).intValue(), Rows.uuid(p[1]), (String) p[2], (String) p[3], (String) p[4],
                    Specialty.valueOf((String) p[5]), Proximity.valueOf((String) p[6]),
                    (Boolean) p[7] ? CapacityStatus.CONFIRMED : CapacityStatus.UNCONFIRMED, ((Number) p[8]).intValue(),
                    List.of(((String) p[9]).split("\n"))));
        }
        return Page.of(items, page, total);
    }

    /**
     * Assigns the household to a doctor. The place is taken by one conditional UPDATE: PostgreSQL
     * serialises concurrent updates of the doctor's row, and each re-checks {@code remaining_places > 0}
     * after the previous one committed, so N places give exactly N assignments.
     */
    @Transactional
    public ReferralRequest assign(UUID id, String ifMatch, UUID doctorId) {
        ReferralRequest r = entityManager.find(ReferralRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ApiProblem.notFound("Referral request", id);
        }
        Etags.requireMatch(ifMatch, r.version);
        requireWaiting(r, "assign");
        int taken = entityManager.createNativeQuery("""
                update referenced_doctor set remaining_places = remaining_places - 1, version = version + 1, updated_at = now()
                where id = ?1 and remaining_places > 0 and charter_status = 'ACTIVE' and accepting_new_patients""")
                .setParameter(1, doctorId).executeUpdate();
        if (taken == 0) {
            throw whyNoPlace(doctorId);
        }
        Object[] capacity = (Object[]) entityManager.createNativeQuery(
                "select accepting_new_patients, remaining_places, capacity_confirmed_on from referenced_doctor where id = ?1")
                .setParameter(1, doctorId).getSingleResult();
        r.status = ReferralStatus.ASSIGNED;
        r.assignedDoctorId = doctorId;
        r.assignedAt = OffsetDateTime.now(ZoneOffset.UTC);
        entityManager.flush();
        publishCapacity(doctorId, capacity);
        outbox.record(ReferralEvents.ASSIGNMENT, r.destinationDepartementCode, ReferralEvents.ASSIGNMENT_MADE,
                "departement " + r.destinationDepartementCode, new ReferralEvents.AssignmentCounted(r.destinationDepartementCode, 1));
        return r;
    }

    /** Cancels a request; an assigned one gives its place back to the doctor. */
    @Transactional
    public ReferralRequest cancel(UUID id, String ifMatch, String reason) {
        ReferralRequest r = lockForUpdate(id, ifMatch);
        if (r.status.isFinal()) {
            throw ApiProblem.conflict("illegal-request-transition", "The request is " + r.status + " and cannot be cancelled");
        }
        if (r.status == ReferralStatus.ASSIGNED) {
            entityManager.createNativeQuery("""
                    update referenced_doctor set remaining_places = remaining_places + 1, version = version + 1, updated_at = now()
                    where id = ?1""").setParameter(1, r.assignedDoctorId).executeUpdate();
            Object[] capacity = (Object[]) entityManager.createNativeQuery(
                    "select accepting_new_patients, remaining_places, capacity_confirmed_on from referenced_doctor where id = ?1")
                    .setParameter(1, r.assignedDoctorId).getSingleResult();
            publishCapacity(r.assignedDoctorId, capacity);
            outbox.record(ReferralEvents.ASSIGNMENT, r.destinationDepartementCode, ReferralEvents.ASSIGNMENT_RELEASED,
                    "departement " + r.destinationDepartementCode, new ReferralEvents.AssignmentCounted(r.destinationDepartementCode, 1));
        }
        end(r, ReferralStatus.CANCELLED, reason.trim());
        return r;
    }

    /** Closes an assigned request once the household is registered with the doctor; the place stays taken. */
    @Transactional
    public ReferralRequest close(UUID id, String ifMatch) {
        ReferralRequest r = lockForUpdate(id, ifMatch);
        if (r.status != ReferralStatus.ASSIGNED) {
            throw ApiProblem.conflict("illegal-request-transition", "Only an ASSIGNED request can be closed; this one is " + r.status);
        }
        end(r, ReferralStatus.CLOSED, null);
        return r;
    }

    /** Expires waiting requests whose delay passed at {@code now}; returns how many. */
    @Transactional
    public int expireOverdue(OffsetDateTime now) {
        return entityManager.createNativeQuery("""
                update referral_request set status = 'EXPIRED', status_reason = ?1, ended_at = ?2, version = version + 1
                where status in ('OPEN', 'PROPOSED') and expires_at <= ?2""")
                .setParameter(1, "not assigned within " + config.requestExpiry())
                .setParameter(2, now).executeUpdate();
    }

    @Scheduled(every = "${civmil.referral.expiry-check-every:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOverdueRequests() {
        int expired = expireOverdue(OffsetDateTime.now(ZoneOffset.UTC));
        if (expired > 0) {
            LOG.infof("Expired %d referral request(s) not assigned in time", expired);
        }
    }

    public RequestView view(ReferralRequest r) {
        String communeName = geography.commune(r.destinationCommuneCode).map(c -> c.name()).orElse(null);
        return new RequestView(r.id, r.caseReference, new Destination(r.destinationCommuneCode, communeName,
                r.destinationDepartementCode, r.destinationEpciSiren, r.destinationRegionCode), r.relocationDate, r.householdSize,
                r.neededSpecialties(), r.status, r.statusReason, r.createdAt, r.expiresAt, r.assignedDoctorId, r.assignedAt,
                r.endedAt, r.version);
    }

    private ReferralRequest lockForUpdate(UUID id, String ifMatch) {
        ReferralRequest r = entityManager.find(ReferralRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ApiProblem.notFound("Referral request", id);
        }
        Etags.requireMatch(ifMatch, r.version);
        return r;
    }

    private void end(ReferralRequest r, ReferralStatus status, String reason) {
        r.status = status;
        r.statusReason = reason;
        r.endedAt = OffsetDateTime.now(ZoneOffset.UTC);
        entityManager.flush();
    }

    private void publishCapacity(UUID doctorId, Object[] capacity) {
        outbox.record(ReferralEvents.DOCTOR, doctorId.toString(), ReferralEvents.CAPACITY_CHANGED, "doctor " + doctorId,
                new ReferralEvents.CapacityChanged(doctorId, (Boolean) capacity[0], ((Number) capacity[1]).intValue(),
                        Rows.date(capacity[2])));
    }

    private static void requireWaiting(ReferralRequest r, String action) {
        if (!ReferralStatus.WAITING.contains(r.status)) {
            throw ApiProblem.conflict("illegal-request-transition", "Cannot " + action + " a request that is " + r.status);
        }
    }

    private ApiProblem whyNoPlace(UUID doctorId) {
        List<?> rows = entityManager.createNativeQuery(
                "select charter_status, accepting_new_patients, remaining_places from referenced_doctor where id = ?1")
                .setParameter(1, doctorId).getResultList();
        if (rows.isEmpty()) {
            return ApiProblem.unprocessable("unknown-doctor", "Referenced doctor " + doctorId + " does not exist");
        }
        Object[] d = (Object[]) rows.get(0);
        if (!"ACTIVE".equals(d[0])) {
            return ApiProblem.conflict("doctor-not-active", "The doctor's charter is " + d[0] + "; only ACTIVE doctors take households");
        }
        if (!(Boolean) d[1]) {
            return ApiProblem.conflict("doctor-not-accepting", "The doctor does not accept new military patients");
        }
        return ApiProblem.conflict("no-place-left", "The doctor has no place left");
    }

    private static ApiProblem duplicateCase(String caseReference) {
        return ApiProblem.conflict("duplicate-case", "Case " + caseReference + " already has a request in progress");
    }
}
