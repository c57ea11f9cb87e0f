package fr.civmil.health.zones.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.outbox.Outbox;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.persistence.Constraints;
import fr.civmil.health.platform.persistence.Pages;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.reference.ReferenceGeography.Epci;
import fr.civmil.health.zones.domain.PriorityZone;
import fr.civmil.health.zones.domain.ZoneStatus;
import fr.civmil.health.zones.domain.ZoneTransition;
import fr.civmil.health.zones.events.ZoneEvents;

/** Designation, update and lifecycle of priority zones; each change commits with its event. */
@ApplicationScoped
public class PriorityZoneService {

    static final String ONE_LIVE_ZONE_INDEX = "priority_zone_one_live_per_campaign";
    private static final Map<String, String> SORTABLE = Map.of("epciName", "epciName", "population", "population",
            "createdAt", "createdAt", "status", "status", "epciSiren", "epciSiren");

    private final ReferenceGeography geography;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final SolidarityMissionService missions;
    private final ConsultationSiteService sites;

    public PriorityZoneService(ReferenceGeography geography, Outbox outbox, EntityManager entityManager, SolidarityMissionService missions,
            ConsultationSiteService sites) {
        this.geography = geography;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.missions = missions;
        this.sites = sites;
    }

    public PriorityZone find(UUID id) {
        PriorityZone zone = PriorityZone.findById(id);
        if (zone == null) {
            throw DomainException.notFound("zone", id);
        }
        return zone;
    }

    /** The reference EPCI of a zone (it was checked at designation). */
    public Epci epci(PriorityZone zone) {
        return geography.epci(zone.epciSiren).orElseThrow(() -> new IllegalStateException("EPCI left the reference: " + zone.epciSiren));
    }

    @Transactional
    public PriorityZone designate(ZoneDesignation request, Caller caller) {
        Epci epci = geography.epci(request.epciSiren()).orElseThrow(() -> DomainException.unprocessable("unknown-epci", request.epciSiren(),
                ReferenceGeography.SOURCE));
        caller.mayActOnRegion(epci.regionCode());
        ZoneStatus initial = request.initialStatus() == null ? ZoneStatus.PROPOSED : request.initialStatus();
        if (initial != ZoneStatus.PROPOSED && initial != ZoneStatus.DESIGNATED) {
            throw DomainException.unprocessable("invalid-initial-status", initial);
        }
        liveZone(request.campaign(), epci.siren()).ifPresent(existing -> {
            throw alreadyZoned(epci, request.campaign(), existing);
        });
        PriorityZone zone = new PriorityZone();
        zone.id = UUID.randomUUID();
        zone.epciSiren = epci.siren();
        zone.epciName = epci.name();
        zone.epciType = epci.type();
        zone.regionCode = epci.regionCode();
        zone.population = epci.population();
        zone.campaign = request.campaign();
        zone.status = initial;
        apply(zone, request);
        zone.createdAt = Instant.now();
        zone.updatedAt = zone.createdAt;
        zone.persist();
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            // A concurrent designation of the same EPCI committed first: the partial unique index says so.
            if (Constraints.violated(e, ONE_LIVE_ZONE_INDEX)) {
                throw DomainException.conflict("epci-already-in-zone.concurrent", epci.siren(), epci.name(), request.campaign());
            }
            throw e;
        }
        ZoneTransition.of(zone.id, null, initial, "designated", caller.subject()).persist();
        outbox.record(new ZoneEvents.Designated(zone.id, zone.epciSiren, zone.epciName, zone.campaign, zone.status.name(),
                zone.regionCode, epci.departementCodes(), epci.communeCodes(), zone.population));
        return zone;
    }

    /** Designates every zone of the list or none. */
    @Transactional
    public List<PriorityZone> designateAll(List<ZoneDesignation> designations, Caller caller) {
        List<PriorityZone> zones = new ArrayList<>();
        for (ZoneDesignation designation : designations) {
            zones.add(designate(designation, caller));
        }
        return zones;
    }

    /**
     * Designates every zone of a CSV list or none: every bad line (format, reference, an EPCI already
     * in a live zone of the campaign, a duplicate) is reported by number in one 422 problem.
     */
    @Transactional
    public List<PriorityZone> designateCsv(String csv, String campaign, ZoneStatus status, Caller caller) {
        List<DomainException.Violation> errors = new ArrayList<>();
        List<CsvDesignations.Line> lines = CsvDesignations.parse(csv, campaign, status, geography, errors);
        caller.mayActOnRegions(lines.stream().map(line -> geography.epci(line.designation().epciSiren()))
                .flatMap(java.util.Optional::stream).map(Epci::regionCode).toList());
        for (CsvDesignations.Line line : lines) {
            ZoneDesignation d = line.designation();
            liveZone(d.campaign(), d.epciSiren()).ifPresent(existing -> errors.add(new DomainException.Violation("line " + line.number(),
                    "epci-already-in-zone", d.epciSiren(), epci(existing).name(), existing.id, existing.status, d.campaign())));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(v -> Integer.parseInt(v.field().substring(5))));
            throw DomainException.unprocessable("invalid-csv-lines", errors, errors.size());
        }
        return designateAll(lines.stream().map(CsvDesignations.Line::designation).toList(), caller);
    }

    @Transactional
    public PriorityZone update(UUID id, String ifMatch, ZoneDesignation fields, Caller caller) {
        PriorityZone zone = find(id);
        caller.mayActOnRegion(zone.regionCode);
        Etags.requireMatch(ifMatch, zone.version);
        apply(zone, fields);
        zone.updatedAt = Instant.now();
        entityManager.flush();
        return zone;
    }

    /** A zone moved, with what the move changed in its missions and sites. */
    public record TransitionOutcome(PriorityZone zone, List<UUID> cancelledMissionIds, List<UUID> closedSiteIds) {
    }

    /**
     * Moves a zone and, in the same transaction, what depends on it: suspending or retiring it cancels its missions
     * still to come (with the reason); retiring it also closes its sites. Each change is published as its own event.
     */
    @Transactional
    public TransitionOutcome transition(UUID id, String ifMatch, ZoneStatus target, String reason, Caller caller) {
        PriorityZone zone = PriorityZone.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (zone == null) {
            throw DomainException.notFound("zone", id);
        }
        caller.mayActOnRegion(zone.regionCode);
        Etags.requireMatch(ifMatch, zone.version);
        ZoneStatus from = zone.moveTo(target);
        entityManager.flush();
        ZoneTransition.of(zone.id, from, target, reason, caller.subject()).persist();
        Epci epci = epci(zone);
        outbox.record(new ZoneEvents.StatusChanged(zone.id, zone.epciSiren, zone.campaign, from.name(), target.name(), reason,
                zone.regionCode, epci.departementCodes(), epci.communeCodes()));
        if (target == ZoneStatus.RETIRED) {
            outbox.record(new ZoneEvents.Retired(zone.id, zone.epciSiren, zone.campaign, reason, zone.regionCode,
                    epci.departementCodes(), epci.communeCodes()));
        }
        List<UUID> cancelled = List.of();
        List<UUID> closed = List.of();
        if (target == ZoneStatus.SUSPENDED || target == ZoneStatus.RETIRED) {
            String why = (target == ZoneStatus.RETIRED ? "Zone retirée" : "Zone suspendue") + (reason == null || reason.isBlank() ? "" : " : " + reason);
            cancelled = missions.cancelFutureMissions(zone.id, why);
        }
        if (target == ZoneStatus.RETIRED) {
            closed = sites.closeSites(zone.id);
        }
        return new TransitionOutcome(zone, cancelled, closed);
    }

    public Page<PriorityZone> list(ZoneQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!filter(query, where, params)) {
            return Page.of(List.of(), page, 0);
        }
        return Pages.of(PriorityZone.<PriorityZone>find(where.toString(), Pages.sort(page, SORTABLE, "epciName", "id"), params), page, z -> z);
    }

    /** Every zone matching the filters (for summaries and rankings: at most a few thousand nationally). */
    public List<PriorityZone> all(ZoneQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!filter(query, where, params)) {
            return List.of();
        }
        return PriorityZone.list(where + " order by epciName, id", params);
    }

    public List<ZoneTransition> history(UUID zoneId) {
        find(zoneId);
        return ZoneTransition.list("zoneId = ?1 order by id", zoneId);
    }

    /** The non-retired zone of the campaign holding this EPCI, if any. */
    public java.util.Optional<PriorityZone> liveZone(String campaign, String siren) {
        return PriorityZone.find("campaign = ?1 and epciSiren = ?2 and status <> ?3", campaign, siren, ZoneStatus.RETIRED)
                .firstResultOptional();
    }

    static DomainException alreadyZoned(Epci epci, String campaign, PriorityZone existing) {
        return DomainException.conflict("epci-already-in-zone", epci.siren(), epci.name(), existing.id, existing.status, campaign);
    }

    private boolean filter(ZoneQuery query, StringBuilder where, Map<String, Object> params) {
        if (query.regionCode() != null) {
            where.append(" and regionCode = :region");
            params.put("region", query.regionCode());
        }
        if (query.campaign() != null) {
            where.append(" and campaign = :campaign");
            params.put("campaign", query.campaign());
        }
        if (query.status() != null) {
            where.append(" and status = :status");
            params.put("status", query.status());
        }
        if (query.departementCode() != null) {
            // An EPCI may span départements: the reference knows which EPCI touch this one.
            List<String> sirens = geography.epcis(query.departementCode(), null).stream().map(Epci::siren).toList();
            if (sirens.isEmpty()) {
                return false;
            }
            where.append(" and epciSiren in :sirens");
            params.put("sirens", sirens);
        }
        return true;
    }

    private static void apply(PriorityZone zone, ZoneDesignation fields) {
        zone.apl = fields.apl();
        zone.vulnerabilityIndex = fields.vulnerabilityIndex();
        zone.vulnerabilitySource = fields.vulnerabilitySource();
        zone.decisionDate = fields.decisionDate();
        zone.decisionReference = fields.decisionReference();
        zone.targetDaysPerMonth = fields.targetDaysPerMonth();
        zone.notes = fields.notes();
    }
}
