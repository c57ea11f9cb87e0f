package fr.civmil.health.referral.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import fr.civmil.health.platform.persistence.Constraints;
import fr.civmil.health.platform.persistence.TimeOrderedUuids;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.referral.service.ReferralCommands.NeedWanted;
import fr.civmil.health.referral.service.ReferralCommands.Registration;
import fr.civmil.health.referral.service.ReferralResults.Destination;
import fr.civmil.health.referral.service.ReferralResults.NeedView;
import fr.civmil.health.referral.service.ReferralResults.ProposalView;
import fr.civmil.health.referral.service.ReferralResults.Proposals;
import fr.civmil.health.referral.service.ReferralResults.RequestView;
import fr.civmil.health.referral.config.ReferralConfig;
import fr.civmil.health.referral.domain.CapacityStatus;
import fr.civmil.health.referral.domain.Need;
import fr.civmil.health.referral.domain.PersonalData;
import fr.civmil.health.referral.domain.Proximity;
import fr.civmil.health.referral.domain.ReferralRequest;
import fr.civmil.health.referral.domain.ReferralStatus;
import fr.civmil.health.referral.domain.Specialty;
import fr.civmil.health.referral.events.ReferralEvents;
import fr.civmil.health.platform.domain.Reason;
import fr.civmil.health.referral.reference.Geography;
import io.quarkus.scheduler.Scheduled;

/**
 * Referral requests: registration, ranked proposals, assignment that reserves a doctor's place
 * atomically, cancellation that gives it back, closure and expiry. Reads of requests are recorded
 * through {@link ReadAudit} in their transaction.
 */
@ApplicationScoped
public class ReferralService {

    private static final Logger LOG = Logger.getLogger(ReferralService.class);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Statuses in which a case already has its request. */
    private static final List<ReferralStatus> LIVE = List.of(ReferralStatus.OPEN, ReferralStatus.PROPOSED,
            ReferralStatus.PARTIALLY_ASSIGNED, ReferralStatus.ASSIGNED);

    public static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "expiresAt", "expiresAt",
            "relocationDate", "relocationDate", "status", "status");

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Geography geography;
    private final ReferralConfig config;
    private final DoctorReader doctorReader;
    private final ReadAudit audit;

    public ReferralService(EntityManager entityManager, Outbox outbox, Geography geography, ReferralConfig config,
            DoctorReader doctorReader, ReadAudit audit) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.geography = geography;
        this.config = config;
        this.doctorReader = doctorReader;
        this.audit = audit;
    }

    @Transactional
    public RequestView register(Registration in) {
        Geography.Located located = geography.locate(in.destinationCommuneCode(), null);
        if (!located.ok()) {
            throw DomainException.unprocessable("unknown-commune", "destinationCommuneCode", located.reason());
        }
        Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);
        for (NeedWanted need : in.needs()) {
            if (!specialties.add(need.specialty())) {
                throw invalidNeeds("field.needs-repeated", need.specialty());
            }
            if (need.people() > in.householdSize()) {
                throw invalidNeeds("field.needs-household", need.specialty(), need.people(), in.householdSize());
            }
        }
        if (ReferralRequest.count("caseReference = ?1 and status in ?2", in.caseReference(), LIVE) > 0) {
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
        r.expectedArrivalDate = in.expectedArrivalDate();
        r.householdSize = in.householdSize();
        // In specialty order, as the collection is read back.
        in.needs().stream().sorted(Comparator.comparing(n -> n.specialty().name())).forEach(n -> {
            Need need = new Need();
            need.specialty = n.specialty();
            need.people = n.people();
            r.needs.add(need);
        });
        r.status = ReferralStatus.OPEN;
        r.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.expiresAt = r.expectedArrivalDate == null ? r.createdAt.plus(config.requestExpiry())
                : r.expectedArrivalDate.plusDays(config.expiryDaysAfterArrival()).atStartOfDay().atOffset(ZoneOffset.UTC);
        try {
            r.persistAndFlush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, "referral_request_live_case_idx")) {
                throw duplicateCase(in.caseReference());
            }
            throw e; // the database away is no duplicate
        }
        return view(r);
    }

    /** The request, its read recorded as {@code reader}'s under {@code httpRequestId}. */
    @Transactional
    public RequestView read(UUID id, Caller reader, String httpRequestId) {
        ReferralRequest r = find(id);
        audit.record(reader, httpRequestId, "READ", List.of(id));
        return view(r);
    }

    private ReferralRequest find(UUID id) {
        ReferralRequest r = ReferralRequest.findById(id);
        if (r == null) {
            throw DomainException.notFound("request", id);
        }
        return r;
    }

    /**
     * Requests by status and destination; {@code expiringWithinDays} keeps the requests that can expire and do so that
     * soon. Every request returned is recorded as read by {@code reader} ({@code operation}) under {@code httpRequestId}.
     */
    @Transactional
    public Page<RequestView> list(ReferralStatus status, String departementCode, Integer expiringWithinDays, PageRequest page,
            Caller reader, String httpRequestId, String operation) {
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
            query.append(" and status in :expiring and expiresAt <= :horizon");
            params.put("expiring", List.copyOf(ReferralStatus.EXPIRING));
            params.put("horizon", OffsetDateTime.now(ZoneOffset.UTC).plusDays(expiringWithinDays));
        }
        var panache = ReferralRequest.<ReferralRequest>find(query.toString(),
                fr.civmil.health.platform.persistence.Pages.sort(page, SORTS, expiringWithinDays != null ? "expiresAt" : "-createdAt", "id"),
                params);
        List<ReferralRequest> items = panache.page(page.page, page.size).list();
        List<UUID> ids = items.stream().map(r -> r.id).toList();
        if (!ids.isEmpty()) {
            // The page's needs in one statement (the collection's batch size alone left one per request).
            entityManager.createQuery("select distinct r from ReferralRequest r left join fetch r.needs where r.id in :ids",
                    ReferralRequest.class).setParameter("ids", ids).getResultList();
        }
        audit.record(reader, httpRequestId, operation, ids);
        return Page.of(items, page, panache.count()).map(this::view);
    }

    /**
     * Ranks candidates for every need still waiting and keeps the best {@code maxProposals} of each: doctors of a
     * specialty that serves the need, with places for all its people. Returns the first page of them.
     */
    @Transactional
    public Proposals propose(UUID id, PageRequest page) {
        ReferralRequest r = entityManager.find(ReferralRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw DomainException.notFound("request", id);
        }
        requireWaiting(r, "illegal-request-transition.propose");
        entityManager.createNativeQuery("delete from referral_proposal where request_id = ?1").setParameter(1, id).executeUpdate();
        for (Need need : r.needs) {
            if (!need.assigned()) {
                proposeFor(r, need);
            }
        }
        if (r.status == ReferralStatus.OPEN) {
            r.status = ReferralStatus.PROPOSED;
        }
        entityManager.flush();
        return new Proposals(proposals(id, null, page), r.version);
    }

    private void proposeFor(ReferralRequest r, Need need) {
        List<?> rows = entityManager.createNativeQuery("""
                select c.id, c.proximity_rank, c.confirmed, c.remaining_places, c.specialty, c.charter_status_since, c.nearest_commune
                from (select d.id, d.search_name, d.remaining_places, d.specialty, d.charter_status_since,
                             d.capacity_confirmed_on >= :since as confirmed,
                             min(case when l.commune_code = :commune then 0
                                      when l.epci_siren = :epci then 1 else 2 end) as proximity_rank,
                             (array_agg(l.commune_code order by case when l.commune_code = :commune then 0
                                      when l.epci_siren = :epci then 1 else 2 end, l.commune_code))[1] as nearest_commune
                      from directory_entry e
                      join referenced_doctor d on d.id = e.doctor_id
                      join practice_location l on l.doctor_id = e.doctor_id and l.departement_code = e.departement_code
                      where e.departement_code = :departement and e.charter_status = 'ACTIVE'
                        and e.accepting_new_patients and e.remaining_places >= :people and e.specialty in (:served)
                      group by d.id) c
                order by c.proximity_rank, c.confirmed desc, c.remaining_places desc, c.search_name, c.id
                limit :max""")
                .setParameter("since", doctorReader.confirmedSince())
                .setParameter("commune", r.destinationCommuneCode)
                .setParameter("epci", r.destinationEpciSiren == null ? "" : r.destinationEpciSiren)
                .setParameter("departement", r.destinationDepartementCode)
                .setParameter("people", need.people)
                .setParameter("served", need.specialty.servedBy().stream().map(Enum::name).toList())
                .setParameter("max", config.maxProposals())
                .getResultList();
        int rank = 0;
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            Proximity proximity = Proximity.values()[((Number) c[1]).intValue()];
            boolean confirmed = (Boolean) c[2];
            int places = ((Number) c[3]).intValue();
            Specialty specialty = Specialty.valueOf((String) c[4]);
            List<String> reasons = List.of(
                    "classe de distance : " + proximity.label() + " (" + where(r, proximity, (String) c[6]) + ")",
                    "charte active depuis le " + Rows.date(c[5]).format(FRENCH_DATE),
                    "accepte de nouveaux patients militaires",
                    confirmed ? "capacité confirmée depuis moins de " + config.capacityMaxAgeDays() + " jours"
                            : "capacité non confirmée depuis " + config.capacityMaxAgeDays() + " jours : classé après les capacités confirmées",
                    places + (places == 1 ? " place restante" : " places restantes") + " pour " + need.people
                            + (need.people == 1 ? " personne" : " personnes"),
                    "spécialité " + specialty.label() + (specialty == need.specialty ? " : celle du besoin"
                            : " : compatible avec le besoin " + need.specialty.label()));
            entityManager.createNativeQuery("""
                    insert into referral_proposal (request_id, need, rank, doctor_id, proximity, capacity_confirmed, remaining_places, reasons)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, r.id).setParameter(2, need.specialty.name()).setParameter(3, ++rank).setParameter(4, Rows.uuid(c[0]))
                    .setParameter(5, proximity.name()).setParameter(6, confirmed).setParameter(7, places)
                    .setParameter(8, String.join("\n", reasons)).executeUpdate();
        }
    }

    /** Where the doctor practises, named as a person reads it: the commune, and the EPCI or département shared with the destination. */
    private String where(ReferralRequest r, Proximity proximity, String communeCode) {
        String commune = geography.commune(communeCode).map(c -> c.name()).orElse(communeCode) + ", " + communeCode;
        return switch (proximity) {
            case SAME_COMMUNE -> "exerce à " + commune + ", la commune de destination";
            case SAME_EPCI -> "exerce à " + commune + ", dans l'intercommunalité de destination "
                    + geography.epci(r.destinationEpciSiren).map(e -> e.name()).orElse(r.destinationEpciSiren);
            case SAME_DEPARTEMENT -> "exerce à " + commune + ", dans le département de destination "
                    + geography.departement(r.destinationDepartementCode).map(d -> d.name()).orElse(r.destinationDepartementCode)
                    + " (" + r.destinationDepartementCode + ")";
        };
    }

    /**
     * The proposals last computed, need after need (specialty order), best first; one need's when {@code need} is given.
     * The read is recorded as {@code reader}'s under {@code httpRequestId}.
     */
    @Transactional
    public Page<ProposalView> proposals(UUID id, Specialty need, PageRequest page, Caller reader, String httpRequestId) {
        Page<ProposalView> proposals = proposals(id, need, page);
        audit.record(reader, httpRequestId, "READ_PROPOSALS", List.of(id));
        return proposals;
    }

    private Page<ProposalView> proposals(UUID id, Specialty need, PageRequest page) {
        find(id);
        String needs = need == null ? "" : " and p.need = :need";
        Query count = entityManager.createNativeQuery("select count(*) from referral_proposal p where p.request_id = :id" + needs)
                .setParameter("id", id);
        Query rows = entityManager.createNativeQuery("""
                select p.need, p.rank, p.doctor_id, d.rpps, d.last_name, d.first_name, d.specialty, p.proximity,
                       p.capacity_confirmed, p.remaining_places, p.reasons
                from referral_proposal p join referenced_doctor d on d.id = p.doctor_id
                where p.request_id = :id""" + needs + " order by p.need, p.rank limit :limit offset :offset")
                .setParameter("id", id).setParameter("limit", page.size).setParameter("offset", page.offset());
        if (need != null) {
            count.setParameter("need", need.name());
            rows.setParameter("need", need.name());
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<ProposalView> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] p = (Object[]) row;
            items.add(new ProposalView(Specialty.valueOf((String) p[0]), ((Number) p[1]).intValue(), Rows.uuid(p[2]), (String) p[3],
                    (String) p[4], (String) p[5], Specialty.valueOf((String) p[6]), Proximity.valueOf((String) p[7]),
                    (Boolean) p[8] ? CapacityStatus.CONFIRMED : CapacityStatus.UNCONFIRMED, ((Number) p[9]).intValue(),
                    List.of(((String) p[10]).split("\n"))));
        }
        return Page.of(items, page, total);
    }

    /**
     * Assigns one need to a doctor, who takes as many places as the people it covers. The places are taken by one
     * conditional UPDATE: PostgreSQL serialises concurrent updates of the doctor's row, and each re-checks
     * {@code remaining_places >= people} after the previous one committed, so no doctor ever gives more places than he has.
     */
    @Transactional
    public RequestView assign(UUID id, String ifMatch, UUID doctorId, Specialty specialty) {
        ReferralRequest r = lockForUpdate(id, ifMatch);
        requireWaiting(r, "illegal-request-transition.assign");
        Need need = r.need(specialty).orElseThrow(() -> DomainException.unprocessable("unknown-need", specialty,
                r.needs.stream().map(n -> n.specialty.name()).toList()));
        if (need.assigned()) {
            throw DomainException.conflict("need-already-assigned", specialty);
        }
        int taken = entityManager.createNativeQuery("""
                update referenced_doctor set remaining_places = remaining_places - ?2, version = version + 1, updated_at = now()
                where id = ?1 and remaining_places >= ?2 and charter_status = 'ACTIVE' and accepting_new_patients
                  and specialty in (?3)""")
                .setParameter(1, doctorId).setParameter(2, need.people)
                .setParameter(3, specialty.servedBy().stream().map(Enum::name).toList()).executeUpdate();
        if (taken == 0) {
            throw whyNoPlace(doctorId, need);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        need.assignedDoctorId = doctorId;
        need.assignedAt = now;
        if (r.fullyAssigned()) {
            r.status = ReferralStatus.ASSIGNED;
            r.assignedAt = now;
        } else {
            r.status = ReferralStatus.PARTIALLY_ASSIGNED;
        }
        entityManager.flush();
        publishCapacity(doctorId);
        outbox.record(new ReferralEvents.AssignmentMade(r.destinationDepartementCode, need.specialty, need.people));
        return view(r);
    }

    /** Cancels a request; every assigned need gives its places back to its doctor. */
    @Transactional
    public RequestView cancel(UUID id, String ifMatch, String reason) {
        requireNoPersonalData("reason", reason);
        ReferralRequest r = lockForUpdate(id, ifMatch);
        if (r.status.isFinal()) {
            throw DomainException.conflict("illegal-request-transition.cancel", r.status);
        }
        for (Need need : r.needs) {
            if (need.assigned()) {
                entityManager.createNativeQuery("""
                        update referenced_doctor set remaining_places = remaining_places + ?2, version = version + 1, updated_at = now()
                        where id = ?1""").setParameter(1, need.assignedDoctorId).setParameter(2, need.people).executeUpdate();
                publishCapacity(need.assignedDoctorId);
                outbox.record(new ReferralEvents.AssignmentReleased(r.destinationDepartementCode, need.specialty, need.people));
            }
        }
        end(r, ReferralStatus.CANCELLED, reason.trim());
        return view(r);
    }

    /** Closes a fully assigned request once the household is registered with its doctors; the places stay taken. */
    @Transactional
    public RequestView close(UUID id, String ifMatch) {
        ReferralRequest r = lockForUpdate(id, ifMatch);
        if (r.status != ReferralStatus.ASSIGNED) {
            throw DomainException.conflict("illegal-request-transition.close", r.status);
        }
        end(r, ReferralStatus.CLOSED, null);
        return view(r);
    }

    /** Expires the requests with nothing assigned whose expiry passed at {@code now}; returns how many. */
    @Transactional
    public int expireOverdue(OffsetDateTime now) {
        return entityManager.createNativeQuery("""
                update referral_request set status = 'EXPIRED', ended_at = ?3, version = version + 1,
                       status_reason = case when expected_arrival_date is null then ?1 else ?2 end
                where status in ('OPEN', 'PROPOSED') and expires_at <= ?3""")
                .setParameter(1, "non attribuée dans les " + config.requestExpiry().toDays() + " jours suivant son enregistrement")
                .setParameter(2, "non attribuée dans les " + config.expiryDaysAfterArrival() + " jours suivant l'arrivée prévue du foyer")
                .setParameter(3, now).executeUpdate();
    }

    @Scheduled(every = "${civmil.referral.expiry-check-every:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOverdueRequests() {
        int expired = expireOverdue(OffsetDateTime.now(ZoneOffset.UTC));
        if (expired > 0) {
            LOG.infof("Expired %d referral request(s) not assigned in time", expired);
        }
    }

    private RequestView view(ReferralRequest r) {
        String communeName = geography.commune(r.destinationCommuneCode).map(c -> c.name()).orElse(null);
        return new RequestView(r.id, r.caseReference, new Destination(r.destinationCommuneCode, communeName,
                r.destinationDepartementCode, r.destinationEpciSiren, r.destinationRegionCode), r.relocationDate,
                r.expectedArrivalDate, r.householdSize,
                r.needs.stream().map(n -> new NeedView(n.specialty, n.people, n.assignedDoctorId, n.assignedAt)).toList(),
                r.status, r.statusReason, r.createdAt, r.expiresAt, r.assignedAt, r.endedAt, r.version);
    }

    private ReferralRequest lockForUpdate(UUID id, String ifMatch) {
        ReferralRequest r = entityManager.find(ReferralRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw DomainException.notFound("request", id);
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

    private void publishCapacity(UUID doctorId) {
        Object[] capacity = (Object[]) entityManager.createNativeQuery(
                "select accepting_new_patients, remaining_places, capacity_confirmed_on from referenced_doctor where id = ?1")
                .setParameter(1, doctorId).getSingleResult();
        outbox.record(new ReferralEvents.CapacityChanged(doctorId, (Boolean) capacity[0], ((Number) capacity[1]).intValue(),
                        Rows.date(capacity[2])));
    }

    /** Refuses free text that holds a NIR or a person's name; the problem names the field, never the value. */
    private static void requireNoPersonalData(String field, String text) {
        switch (PersonalData.find(text)) {
            case NIR -> throw refusedField("social-security-number-refused", field, "field.social-security-number");
            case PERSON_NAME -> throw refusedField("person-name-refused", field, "field.person-name");
            case NONE -> {
                // Nothing personal.
            }
        }
    }

    /** 422 naming the field and why ({@code refused-field}: "field why"), in the reader's language. */
    private static DomainException refusedField(String slug, String field, String why, Object... args) {
        return DomainException.unprocessable(slug + ".field", List.of(new DomainException.Violation(field, why, args)), field,
                new Reason(why, args));
    }

    private static void requireWaiting(ReferralRequest r, String key) {
        if (!ReferralStatus.WAITING.contains(r.status)) {
            throw DomainException.conflict(key, r.status);
        }
    }

    private DomainException whyNoPlace(UUID doctorId, Need need) {
        List<?> rows = entityManager.createNativeQuery(
                "select charter_status, accepting_new_patients, remaining_places, specialty from referenced_doctor where id = ?1")
                .setParameter(1, doctorId).getResultList();
        if (rows.isEmpty()) {
            return DomainException.unprocessable("unknown-doctor", doctorId);
        }
        Object[] d = (Object[]) rows.get(0);
        Specialty specialty = Specialty.valueOf((String) d[3]);
        if (!need.specialty.servedBy().contains(specialty)) {
            return DomainException.unprocessable("specialty-mismatch", specialty.label(), need.specialty.label());
        }
        if (!"ACTIVE".equals(d[0])) {
            return DomainException.conflict("doctor-not-active", d[0]);
        }
        if (!(Boolean) d[1]) {
            return DomainException.conflict("doctor-not-accepting");
        }
        return DomainException.conflict("no-place-left", d[2], need.specialty, need.people);
    }

    private static DomainException invalidNeeds(String why, Object... args) {
        return refusedField("invalid-needs", "needs", why, args);
    }

    private static DomainException duplicateCase(String caseReference) {
        return DomainException.conflict("duplicate-case", caseReference);
    }
}
