package fr.civmil.health.zones.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.outbox.Outbox;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.persistence.Pages;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.reference.ReferenceGeography.Commune;
import fr.civmil.health.zones.domain.ConsultationSite;
import fr.civmil.health.zones.domain.PriorityZone;
import fr.civmil.health.zones.domain.SiteStatus;
import fr.civmil.health.zones.domain.ZoneStatus;
import fr.civmil.health.zones.events.SiteEvents;

/** Consultation sites of the zones; opening and closing are published. */
@ApplicationScoped
public class ConsultationSiteService {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "communeCode", "communeCode",
            "status", "status", "createdAt", "createdAt");

    private final ReferenceGeography geography;
    private final Outbox outbox;
    private final EntityManager entityManager;

    public ConsultationSiteService(ReferenceGeography geography, Outbox outbox, EntityManager entityManager) {
        this.geography = geography;
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    public ConsultationSite find(UUID id) {
        ConsultationSite site = ConsultationSite.findById(id);
        if (site == null) {
            throw DomainException.notFound("site", id);
        }
        return site;
    }

    @Transactional
    public ConsultationSite create(SiteDraft draft, Caller caller) {
        PriorityZone zone = PriorityZone.findById(draft.zoneId());
        if (zone == null) {
            throw DomainException.unprocessable("unknown-zone", draft.zoneId());
        }
        caller.mayActOnRegion(zone.regionCode);
        if (zone.status == ZoneStatus.RETIRED) {
            throw DomainException.unprocessable("zone-retired.site", zone.id);
        }
        Commune commune = geography.commune(draft.communeCode()).orElseThrow(() -> DomainException.unprocessable("unknown-commune", draft.communeCode()));
        if (!zone.epciSiren.equals(commune.epciSiren())) {
            throw commune.epciSiren() == null
                    ? DomainException.unprocessable("commune-outside-zone.no-epci", commune.insee(), commune.name(), zone.epciSiren, zone.epciName)
                    : DomainException.unprocessable("commune-outside-zone", commune.insee(), commune.name(), commune.epciSiren(),
                            geography.epci(commune.epciSiren()).map(ReferenceGeography.Epci::name).orElse("?"), zone.epciSiren, zone.epciName);
        }
        if (!commune.postalCodes().isEmpty() && !commune.postalCodes().contains(draft.postalCode())) {
            throw DomainException.unprocessable("postal-code-mismatch", draft.postalCode(), commune.name(), commune.postalCodes());
        }
        ConsultationSite site = new ConsultationSite();
        site.id = UUID.randomUUID();
        site.zoneId = zone.id;
        site.communeCode = commune.insee();
        site.name = draft.name();
        site.kind = draft.kind();
        site.addressLine = draft.addressLine();
        site.postalCode = draft.postalCode();
        site.rooms = draft.rooms();
        site.stepFreeAccess = draft.stepFreeAccess();
        site.accessibilityNotes = draft.accessibilityNotes();
        site.contactName = draft.contactName();
        site.contactPhone = draft.contactPhone();
        site.contactEmail = draft.contactEmail();
        site.status = SiteStatus.IDENTIFIED;
        site.createdAt = Instant.now();
        site.updatedAt = site.createdAt;
        site.persist();
        entityManager.flush();
        return site;
    }

    @Transactional
    public ConsultationSite transition(UUID id, String ifMatch, SiteStatus target, Caller caller) {
        ConsultationSite site = ConsultationSite.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (site == null) {
            throw DomainException.notFound("site", id);
        }
        caller.mayActOnRegion(PriorityZone.<PriorityZone> findById(site.zoneId).regionCode);
        Etags.requireMatch(ifMatch, site.version);
        site.moveTo(target);
        entityManager.flush();
        if (target == SiteStatus.OPEN || target == SiteStatus.CLOSED) {
            recordChange(site, target);
        }
        return site;
    }

    /** Closes every site of the zone not closed yet, in the caller's transaction (a retired zone). Returns their ids. */
    public List<UUID> closeSites(UUID zoneId) {
        List<ConsultationSite> live = ConsultationSite.list("zoneId = ?1 and status <> ?2 order by id", zoneId, SiteStatus.CLOSED);
        for (ConsultationSite site : live) {
            site.moveTo(SiteStatus.CLOSED);
            recordChange(site, SiteStatus.CLOSED);
        }
        entityManager.flush();
        return live.stream().map(s -> s.id).toList();
    }

    private void recordChange(ConsultationSite site, SiteStatus target) {
        outbox.record(target == SiteStatus.OPEN ? new SiteEvents.SiteOpened(site.id, site.zoneId, site.communeCode, site.kind.name())
                : new SiteEvents.SiteClosed(site.id, site.zoneId, site.communeCode, site.kind.name()));
    }

    public Page<ConsultationSite> list(UUID zoneId, SiteStatus status, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (zoneId != null) {
            where.append(" and zoneId = :zone");
            params.put("zone", zoneId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        return Pages.of(ConsultationSite.<ConsultationSite>find(where.toString(), Pages.sort(page, SORTABLE, "name", "id"), params),
                page, s -> s);
    }

    List<ConsultationSite> ofZone(UUID zoneId) {
        return ConsultationSite.list("zoneId", zoneId);
    }
}
