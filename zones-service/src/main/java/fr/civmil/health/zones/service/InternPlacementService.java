package fr.civmil.health.zones.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.zones.config.PlacementRules;
import fr.civmil.health.zones.domain.InternPlacement;
import fr.civmil.health.zones.domain.PriorityZone;
import fr.civmil.health.zones.domain.ZoneStatus;

/** Placements of docteurs juniors in zones. */
@ApplicationScoped
public class InternPlacementService {

    private final EntityManager entityManager;
    private final PlacementRules rules;

    public InternPlacementService(EntityManager entityManager, PlacementRules rules) {
        this.entityManager = entityManager;
        this.rules = rules;
    }

    @Transactional
    public InternPlacement place(UUID zoneId, String internId, String faculty, String supervisorRpps, LocalDate from, LocalDate to, Caller caller) {
        PriorityZone zone = PriorityZone.findById(zoneId);
        if (zone == null) {
            throw DomainException.notFound("zone", zoneId);
        }
        caller.mayActOnRegion(zone.regionCode);
        if (zone.status == ZoneStatus.RETIRED) {
            throw DomainException.conflict("zone-retired.placement", zone.id);
        }
        if (zone.status != ZoneStatus.ACTIVE) {
            throw DomainException.conflict("zone-not-active.placement", zone.id, zone.epciName, zone.status);
        }
        if (to.isBefore(from)) {
            throw DomainException.invalidField("to", "field.on-or-after-from", from);
        }
        if (from.isBefore(rules.schemeStart())) {
            throw DomainException.unprocessable("before-scheme", rules.schemeStart());
        }
        // One intern, one placement at a time: placements of one intern are serialised.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('zones-intern'), hashtext(?1))").setParameter(1, internId)
                .getSingleResult();
        InternPlacement.<InternPlacement>find("internId = ?1 and startDate <= ?2 and endDate >= ?3 order by startDate", internId, to, from)
                .firstResultOptional().ifPresent(other -> {
                    throw DomainException.conflict("intern-placement-overlap", internId, other.startDate, other.endDate, other.id);
                });
        InternPlacement placement = new InternPlacement();
        placement.id = UUID.randomUUID();
        placement.zoneId = zoneId;
        placement.internId = internId;
        placement.faculty = faculty;
        placement.supervisorRpps = supervisorRpps;
        placement.startDate = from;
        placement.endDate = to;
        placement.createdAt = Instant.now();
        placement.persist();
        entityManager.flush();
        return placement;
    }

    public List<InternPlacement> ofZone(UUID zoneId) {
        if (PriorityZone.findById(zoneId) == null) {
            throw DomainException.notFound("zone", zoneId);
        }
        return InternPlacement.list("zoneId = ?1 order by startDate, id", zoneId);
    }
}
